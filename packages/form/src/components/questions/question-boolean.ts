import { displayAnswer } from '@sipas/core';
import { SipasQuestionElement } from './question-element.js';

/**
 * A yes/no answer, as two radio buttons labelled with the questionnaire's words for yes and no.
 *
 * It is not placed by hand: `<sipas-form>` creates one for each question of type `boolean` and sets
 * `form`, `name` and `number`. It renders into the form's shadow root (it has none of its own), so
 * its parts are styled through the form: `sipas-form::part(...)`.
 *
 * @summary A yes/no answer, as two radio buttons.
 *
 * @tagname sipas-question-boolean
 *
 * @csspart question - the question's frame
 * @csspart question-title - its title, with the number and the required marker
 * @csspart question-description - its description
 * @csspart question-error - the error shown under it
 * @csspart choice - the yes or the no option
 * @csspart choice-label - an option's text
 */
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
