import { html } from 'lit';
import { valueLabel } from '@sipas/core';
import { noneValue, type AnswerValue, type MultipleQuestion } from '@sipas/schema';
import { SipasQuestionElement } from './question-element.js';
import type { ChoiceOption } from './choice-options.js';
import { otherOption, renderOtherText } from './other-option.js';

/**
 * Several choices from a list, as check boxes, with an optional exclusive "none" option and an
 * optional "other" answer.
 *
 * It is not placed by hand: `<sipas-form>` creates one for each question of type `multiple` and
 * sets `form`, `name` and `number`. It renders into the form's shadow root (it has none of its
 * own), so its parts are styled through the form: `sipas-form::part(...)`.
 *
 * @summary Several choices from a list (check boxes), with optional "none" (exclusive) and "other".
 *
 * @tagname sipas-question-multiple
 *
 * @csspart question - the question's frame
 * @csspart question-title - its title, with the number and the required marker
 * @csspart question-description - its description
 * @csspart question-error - the error shown under it
 * @csspart choice - one option
 * @csspart choice-label - an option's text
 * @csspart other-input - the text box of the "other" answer
 */
export class SipasQuestionMultiple extends SipasQuestionElement {
  protected override render() {
    const question = this.question as MultipleQuestion;
    const none = noneValue(question);
    const options: ChoiceOption[] = [
      ...question.choices.filter((choice) => this.form!.isItemVisible(this.name, choice.value)).map((choice) => ({ value: choice.value, label: this.text(choice.text) })),
      ...otherOption(this.form!, question),
      ...(none === undefined ? [] : [{ value: none, label: valueLabel(this.form!.questionnaire, question, none, this.locale) }]),
    ];
    const chosen: AnswerValue[] = Array.isArray(this.value) ? this.value : [];
    // The engine keeps "none" exclusive: it sees which option was added from the previous value.
    const toggle = (option: ChoiceOption['value'], checked: boolean) => {
      const next = checked ? [...chosen, option as AnswerValue] : chosen.filter((item) => item !== option);
      this.commit(this.name, next.length > 0 ? next : undefined);
    };
    return this.renderFrame(
      html`${this.renderChoiceGroup({ kind: 'checkbox', options, columns: question.columns, isChecked: (option) => chosen.includes(option as AnswerValue), onToggle: toggle })}
        ${renderOtherText(this.form!, this.name, this.idOf('other'), this.idOf('errors'), (key, text) => this.commit(key, text))}`,
      true,
    );
  }
}
