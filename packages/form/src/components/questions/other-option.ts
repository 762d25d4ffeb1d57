/** The "other" option of single, multiple and dropdown questions: its label and its text box. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { valueLabel, type Form } from '@sipas/core';
import { hasOtherOption, OTHER_SUFFIX, OTHER_VALUE, type Question } from '@sipas/schema';
import { ui } from '../../i18n.js';
import type { ChoiceOption } from './choice-options.js';

/** The option to add to a list, when the question offers "other". */
export function otherOption(form: Form, question: Question): ChoiceOption[] {
  return hasOtherOption(question) ? [{ value: OTHER_VALUE, label: valueLabel(form.questionnaire, question, OTHER_VALUE, form.locale) }] : [];
}

/** The text box for "other", shown while "other" is chosen; named after its question, flagged when it is missing. */
export function renderOtherText(
  form: Form,
  name: string,
  id: string,
  errorsId: string,
  commit: (key: string, value: unknown) => void,
): TemplateResult | typeof nothing {
  const value = form.getValue(name);
  const chosen = Array.isArray(value) ? value.includes(OTHER_VALUE) : value === OTHER_VALUE;
  if (!chosen) return nothing;
  const key = `${name}${OTHER_SUFFIX}`;
  const text = form.getValue(key);
  const missing = form.errorsOf(name).some((error) => error.code === 'other-text-missing');
  const question = form.question(name);
  return html`<input
    class="other-text"
    part="input other-input"
    id=${id}
    type="text"
    aria-label=${`${ui('otherLabel', form.locale)}: ${form.text(question.title)}`}
    aria-invalid=${missing ? 'true' : nothing}
    aria-describedby=${missing ? errorsId : nothing}
    placeholder=${ui('otherPlaceholder', form.locale)}
    ?disabled=${!form.isEnabled(name)}
    .value=${live(typeof text === 'string' ? text : '')}
    @change=${(event: Event) => commit(key, (event.target as HTMLInputElement).value)}
  />`;
}
