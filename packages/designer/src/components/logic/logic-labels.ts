/** How the logic panel names where a reference sits: the owner's kind and title, the property in words. */
import type { Questionnaire } from '@sipas/schema';
import type { Selection } from '../../model/edit.js';
import { locate } from '../../model/locate.js';
import { hasLogicText, logicText as t, type LogicStringKey } from './logic-strings.js';
import { displayText } from '../../model/values.js';

const KIND_KEYS: Record<Selection['kind'], LogicStringKey> = {
  questionnaire: 'kindQuestionnaire',
  page: 'kindPage',
  section: 'kindSection',
  question: 'kindQuestion',
};

/** "Câu hỏi" / "Trang"… for the owner's kind. */
export const ownerKind = (owner: Selection, lang: string): string => t(KIND_KEYS[owner.kind], lang);

/** The owner's title in the language with its name (`Giới tính (gender)`), or its name alone. */
export function ownerTitle(questionnaire: Questionnaire, owner: Selection, lang: string): string {
  if (owner.kind === 'questionnaire') return displayText(questionnaire.title, lang) ?? questionnaire.id;
  const element = locate(questionnaire, owner.name)?.element;
  const title = element ? displayText(element.title, lang) : undefined;
  return title ? `${title} (${owner.name})` : owner.name;
}

const ITEM_KEYS: Readonly<Record<string, LogicStringKey>> = { choices: 'choiceN', rows: 'rowN', validators: 'validatorN' };

/**
 * A property path from references.ts (`visibleIf`, `choices.2.visibleIf`, `title.en`,
 * `sipas.index.breakdowns.0`) in words: "Lựa chọn 3 · Hiện khi", "Tiêu đề (en)".
 */
export function propertyLabel(property: string, lang: string): string {
  const parts = property.split('.');
  if (parts[0] === 'sipas') {
    const list = parts[2];
    if (list === 'distributions' || list === 'breakdowns') return `${t(list, lang)} ${Number(parts[3]) + 1}`;
    return t('indexSource', lang);
  }
  const words: string[] = [];
  let rest = parts;
  const itemKey = rest[0] !== undefined && Object.hasOwn(ITEM_KEYS, rest[0]) ? ITEM_KEYS[rest[0]] : undefined;
  if (itemKey && /^\d+$/.test(rest[1] ?? '')) {
    words.push(t(itemKey, lang, Number(rest[1]) + 1));
    rest = rest.slice(2);
  }
  const [key, ...after] = rest;
  // A validator's expression is the rule itself; a choice's text is the choice itself.
  if (key !== undefined && !(itemKey && (key === 'expression' || key === 'text'))) words.push(hasLogicText(key) ? t(key, lang) : key);
  const language = after.filter((part) => part !== 'text').at(-1);
  const label = words.join(' · ');
  return language ? `${label} (${language})` : label;
}
