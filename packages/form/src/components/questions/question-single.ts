import { html } from 'lit';
import type { SingleQuestion } from '@sipas/schema';
import { SipasQuestionElement } from './question-element.js';
import { otherOption, renderOtherText } from './other-option.js';

/**
 * One choice from a list, as radio buttons, with an optional "other" answer that opens a text box.
 *
 * It is not placed by hand: `<sipas-form>` creates one for each question of type `single` and sets
 * `form`, `name` and `number`. It renders into the form's shadow root (it has none of its own), so
 * its parts are styled through the form: `sipas-form::part(...)`.
 *
 * @summary One choice from a list (radio buttons), with an optional "other" text.
 *
 * @tagname sipas-question-single
 *
 * @csspart question - the question's frame
 * @csspart question-title - its title, with the number and the required marker
 * @csspart question-description - its description
 * @csspart question-error - the error shown under it
 * @csspart choice - one option
 * @csspart choice-label - an option's text
 * @csspart other-input - the text box of the "other" answer
 */
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
