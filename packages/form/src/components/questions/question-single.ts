/**
 * @summary One choice from a list (radio buttons), with an optional "other" text.
 * @csspart question - the question frame; question-title, question-description, question-error; choice, choice-label; other-input.
 */
import { html } from 'lit';
import type { SingleQuestion } from '@sipas/schema';
import { SipasQuestionElement } from './question-element.js';
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
      html`${this.renderChoiceGroup({
          kind: 'radio',
          options,
          columns: question.columns,
          isChecked: (option) => option === value,
          onToggle: (option) => this.commit(this.name, option),
        })}
        ${renderOtherText(this.form!, this.name, this.idOf('other'), this.idOf('errors'), (key, text) => this.commit(key, text))}`,
      true,
    );
  }
}
