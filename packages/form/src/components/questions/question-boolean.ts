/**
 * @summary A yes/no answer, as two radio buttons with the questionnaire's labels.
 * @csspart question - the question frame; question-title, question-description, question-error; choice, choice-label.
 */
import { displayAnswer } from '@sipas/core';
import { SipasQuestionElement } from './question-element.js';

export class SipasQuestionBoolean extends SipasQuestionElement {
  protected override render() {
    const { questionnaire } = this.form!;
    const label = (answer: boolean) => displayAnswer(questionnaire, this.question, answer, this.locale);
    const value = this.value;
    return this.renderFrame(
      this.renderChoiceGroup({
        kind: 'radio',
        layout: 'inline',
        options: [
          { value: true, label: label(true) },
          { value: false, label: label(false) },
        ],
        isChecked: (option) => option === value,
        onToggle: (option) => this.commit(this.name, option),
      }),
      true,
    );
  }
}
