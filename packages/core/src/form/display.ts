/** How answers read in text: piping `{name}` into titles, summaries, thank-you pages. */
import {
  asBuiltIn,
  flattenHierarchy,
  localize,
  noOpinionValue,
  noneValue,
  OTHER_VALUE,
  resolveScale,
  type Answer,
  type AnswerValue,
  type Question,
  type Questionnaire,
} from '@sipas/schema';
import { uiText } from './ui-text.js';

/** The label of one stored value of a question, in the given locale. */
export function valueLabel(questionnaire: Questionnaire, question: Question, value: AnswerValue, locale: string, otherText?: string): string {
  const builtIn = asBuiltIn(question);
  if (!builtIn) return String(value);
  if (value === OTHER_VALUE && 'other' in builtIn && builtIn.other) {
    return otherText || (typeof builtIn.other === 'object' ? localize(builtIn.other.text, locale) : uiText('other', locale));
  }
  switch (builtIn.type) {
    case 'single':
    case 'multiple':
    case 'dropdown': {
      if (builtIn.type === 'dropdown' && builtIn.choicesFrom) {
        const item = flattenHierarchy(questionnaire.sipas?.[builtIn.choicesFrom.list]).find((i) => i.id === value);
        return item ? localize(item.label, locale) : String(value);
      }
      if (value === noneValue(builtIn)) {
        return builtIn.type === 'multiple' && typeof builtIn.none === 'object' && builtIn.none.text ? localize(builtIn.none.text, locale) : uiText('none', locale);
      }
      const choice = builtIn.choices?.find((c) => c.value === value);
      return choice ? localize(choice.text, locale) : String(value);
    }
    case 'rating':
    case 'likert': {
      if (builtIn.type === 'likert' && value === noOpinionValue(builtIn)) {
        return typeof builtIn.noOpinion === 'object' && builtIn.noOpinion.text ? localize(builtIn.noOpinion.text, locale) : uiText('noOpinion', locale);
      }
      const level = resolveScale(questionnaire, builtIn.scale)?.levels.find((l) => l.value === value);
      return level ? localize(level.text, locale) : String(value);
    }
    default:
      return String(value);
  }
}

/** An answer as text: choice labels, level labels, yes/no, lists joined with commas. */
export function displayAnswer(questionnaire: Questionnaire, question: Question, answer: Answer | undefined, locale: string, otherText?: string): string {
  if (answer === undefined || answer === null) return '';
  const builtIn = asBuiltIn(question);
  if (builtIn?.type === 'boolean' && typeof answer === 'boolean') {
    const label = answer ? builtIn.labelTrue : builtIn.labelFalse;
    return label ? localize(label, locale) : uiText(answer ? 'yes' : 'no', locale);
  }
  if (Array.isArray(answer)) return answer.map((value) => valueLabel(questionnaire, question, value, locale, otherText)).join(', ');
  if (typeof answer === 'object') {
    return Object.entries(answer).map(([row, value]) => `${row}: ${valueLabel(questionnaire, question, value, locale)}`).join(', ');
  }
  if (typeof answer === 'boolean') return uiText(answer ? 'yes' : 'no', locale);
  return valueLabel(questionnaire, question, answer, locale, otherText);
}
