/**
 * How the translations table names a text for people: its owner ("Câu overall") and what the
 * text is inside it ("Lựa chọn 2", "Thang đo agree-3 › Mức 1"), from the row's path.
 */
import type { Selection } from '../../model/edit.js';
import type { PathKey } from '../../model/immutable.js';
import { tr, type TranslationsStringKey } from './translations-strings.js';

/** Lists whose items are numbered for people (1-based). */
const NUMBERED: Record<string, TranslationsStringKey> = {
  choices: 'choice',
  rows: 'row',
  levels: 'level',
  validators: 'validator',
  items: 'item',
  children: 'item',
};

/** Containers that add nothing a person needs to read. */
const SILENT = new Set(['sipas', 'survey', 'metadata', 'root']);

/** Keys with a name of their own. */
const NAMED: Record<string, TranslationsStringKey> = {
  title: 'title',
  description: 'description',
  text: 'text',
  placeholder: 'placeholder',
  requiredMessage: 'requiredMessage',
  labelTrue: 'labelTrue',
  labelFalse: 'labelFalse',
  other: 'other',
  none: 'none',
  noOpinion: 'noOpinion',
  label: 'label',
  units: 'units',
  serviceFields: 'serviceFields',
  index: 'index',
  agency: 'agency',
  period: 'period',
  source: 'source',
  notes: 'notes',
};

/** The keys that only say "the text of" the item before them. */
const ITEM_TEXT_KEYS = new Set(['text', 'message', 'label']);

export function ownerLabel(owner: Selection, lang: string): string {
  if (owner.kind === 'page') return tr('page', lang, owner.name);
  if (owner.kind === 'section') return tr('section', lang, owner.name);
  if (owner.kind === 'question') return tr('question', lang, owner.name);
  return tr('questionnaire', lang);
}

export function fieldLabel(field: readonly PathKey[], lang: string): string {
  const parts: string[] = [];
  for (let i = 0; i < field.length; i += 1) {
    const key = field[i]!;
    const next = field[i + 1];
    const previous = field[i - 1];
    if (typeof key === 'number') {
      if (previous === undefined || !Object.hasOwn(NUMBERED, previous)) parts.push(String(key + 1));
      continue;
    }
    if (SILENT.has(key)) continue;
    if (Object.hasOwn(NUMBERED, key) && typeof next === 'number') {
      parts.push(tr(NUMBERED[key]!, lang, next + 1));
    } else if (key === 'scales' && typeof next === 'string') {
      parts.push(tr('scale', lang, next));
      i += 1;
    } else if (key === 'scale') {
      parts.push(tr('scale', lang, '').trim());
    } else if (ITEM_TEXT_KEYS.has(key) && typeof previous === 'number' && parts.length > 0) {
      // "choices/1/text" reads "Lựa chọn 2", not "Lựa chọn 2 › Nội dung".
    } else if (key === 'text' && (previous === 'other' || previous === 'none' || previous === 'noOpinion')) {
      // "other/text" reads "Lựa chọn “Khác”".
    } else if (key === 'label' && previous === 'period') {
      // "period/label" reads "Kỳ khảo sát".
    } else {
      parts.push(Object.hasOwn(NAMED, key) ? tr(NAMED[key]!, lang) : key);
    }
  }
  return parts.join(' › ');
}
