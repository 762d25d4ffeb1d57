import { html, nothing } from 'lit';
import { valueLabel } from '@sipas/core';
import { noOpinionValue, resolveScale, type AnswerValue, type LikertQuestion } from '@sipas/schema';
import { SipasQuestionElement } from './question-element.js';
import { renderOptions, type ChoiceOption } from './choice-options.js';

/**
 * A grid of statements rated on one scale (the SIPAS criteria). On wide screens it reads as a table
 * (statements down, levels across); on narrow ones each statement is a card with its levels as
 * buttons. Either way each row is a radio group labelled by its statement.
 *
 * It is not placed by hand: `<sipas-form>` creates one for each question of type `likert` and sets
 * `form`, `name` and `number`. It renders into the form's shadow root (it has none of its own), so
 * its parts are styled through the form: `sipas-form::part(...)`.
 *
 * @summary A grid of statements rated on one scale (the SIPAS criteria).
 *
 * @tagname sipas-question-likert
 *
 * @csspart question - the question's frame
 * @csspart question-title - its title, with the number and the required marker
 * @csspart question-description - its description
 * @csspart question-error - the error shown under it
 * @csspart likert-row - one statement
 * @csspart likert-row-title - a statement's text
 * @csspart choice - one level of a row
 * @csspart choice-label - a level's words
 */
export class SipasQuestionLikert extends SipasQuestionElement {
  protected override render() {
    const question = this.question as LikertQuestion;
    const levels: ChoiceOption[] = (resolveScale(this.form!.questionnaire, question.scale)?.levels ?? []).map((level) => ({ value: level.value, label: this.text(level.text) }));
    const noOpinion = noOpinionValue(question);
    if (noOpinion !== undefined) levels.push({ value: noOpinion, label: valueLabel(this.form!.questionnaire, question, noOpinion, this.locale) });
    const answer = (typeof this.value === 'object' && this.value !== null && !Array.isArray(this.value) ? this.value : {}) as Record<string, AnswerValue>;
    const rows = question.rows.filter((row) => this.form!.isItemVisible(this.name, row.value));
    const setRow = (row: string, level: ChoiceOption['value']) => this.commit(this.name, { ...answer, [row]: level });
    const missingRowShown = this.errors.length > 0;
    return this.renderFrame(
      html`<div class="likert" role="group" aria-labelledby=${this.idOf('title')} aria-describedby=${this.describedBy}>
        <div class="likert-head" aria-hidden="true"><span></span>${levels.map((level) => html`<span>${level.label}</span>`)}</div>
        ${rows.map((row, index) => {
          const rowTitle = `${this.idOf('input')}-${index}-title`;
          const unanswered = missingRowShown && answer[row.value] === undefined;
          return html`<div class="likert-row ${unanswered ? 'unanswered' : ''}" part="likert-row" role="radiogroup" aria-labelledby=${rowTitle}>
            <span class="likert-row-title" id=${rowTitle} part="likert-row-title">${row.code ? html`<span class="code">${row.code}</span> ` : nothing}${this.text(row.text)}</span>
            ${renderOptions({
              kind: 'radio',
              group: `${this.idOf('input')}-${index}`,
              options: levels,
              isChecked: (level) => answer[row.value] === level,
              onToggle: (level) => setRow(row.value, level),
              disabled: this.disabled,
              invalid: unanswered ? 'true' : nothing,
              describedBy: unanswered ? this.describedBy : nothing,
            })}
          </div>`;
        })}
      </div>`,
      true,
    );
  }
}
