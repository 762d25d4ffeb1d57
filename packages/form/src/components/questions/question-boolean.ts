/**
 * @summary A yes/no answer, as two radio buttons with the questionnaire's labels.
 * @csspart question - the question frame; question-title, question-description, question-error; choice, choice-label.
 */
import { html } from 'lit';
import { displayAnswer } from '@sipas/core';
import { SipasQuestionElement } from './question-element.js';
import { renderOptions } from './choice-options.js';

export class SipasQuestionBoolean extends SipasQuestionElement {
  protected override render() {
    const { questionnaire } = this.form!;
    const label = (answer: boolean) => displayAnswer(questionnaire, this.question, answer, this.locale);
    const value = this.value;
    return this.renderFrame(
      html`<div class="choices inline" role="radiogroup" aria-labelledby=${this.idOf('title')} aria-describedby=${this.describedBy} aria-required=${this.form!.isRequired(this.name) ? 'true' : 'false'}>
        ${renderOptions({
          kind: 'radio',
          group: this.idOf('input'),
          options: [
            { value: true, label: label(true) },
            { value: false, label: label(false) },
          ],
          isChecked: (option) => option === value,
          onToggle: (option) => this.commit(this.name, option),
          disabled: this.disabled,
          invalid: this.invalid,
          describedBy: this.describedBy,
        })}
      </div>`,
      true,
    );
  }
}
