/**
 * @summary One choice from a list (radio buttons), with an optional "other" text.
 * @csspart question - the question frame; question-title, question-description, question-error; choice, choice-label; other-input.
 */
import { html } from 'lit';
import type { SingleQuestion } from '@sipas/schema';
import { SipasQuestionElement } from './question-element.js';
import { renderOptions } from './choice-options.js';
import { otherOption, renderOtherText } from './other-option.js';

export class SipasQuestionSingle extends SipasQuestionElement {
  protected override render() {
    const question = this.question as SingleQuestion;
    const options = [
      ...question.choices.filter((choice) => this.form!.isItemVisible(this.name, choice.value)).map((choice) => ({ value: choice.value, label: this.text(choice.text) })),
      ...otherOption(this.form!, question),
    ];
    const value = this.value;
    return this.renderFrame(
      html`<div
          class="choices"
          role="radiogroup"
          data-columns=${question.columns ?? 1}
          aria-labelledby=${this.idOf('title')}
          aria-describedby=${this.describedBy}
          aria-required=${this.form!.isRequired(this.name) ? 'true' : 'false'}
        >
          ${renderOptions({
            kind: 'radio',
            group: this.idOf('input'),
            options,
            isChecked: (option) => option === value,
            onToggle: (option) => this.commit(this.name, option),
            disabled: this.disabled,
            invalid: this.invalid,
            describedBy: this.describedBy,
          })}
        </div>
        ${renderOtherText(this.form!, this.name, this.idOf('other'), (key, text) => this.commit(key, text))}`,
      true,
    );
  }
}
