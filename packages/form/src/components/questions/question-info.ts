import { html, nothing } from 'lit';
import type { InfoQuestion } from '@sipas/schema';
import { SipasQuestionElement } from './question-element.js';

/**
 * Text between questions (an introduction, an instruction); it takes no answer.
 *
 * It is not placed by hand: `<sipas-form>` creates one for each question of type `info` and sets
 * `form`, `name` and `number`. It renders into the form's shadow root (it has none of its own), so
 * its parts are styled through the form: `sipas-form::part(...)`.
 *
 * @summary Text between questions; takes no answer.
 *
 * @tagname sipas-question-info
 *
 * @csspart question - the item's frame
 * @csspart question-title - its title, when it has one
 * @csspart info-text - the text
 */
export class SipasQuestionInfo extends SipasQuestionElement {
  protected override render() {
    const question = this.question as InfoQuestion;
    return html`<div class="question info" part="question" data-type="info">
      ${question.title === undefined ? nothing : html`<p class="title" part="question-title">${this.text(question.title)}</p>`}
      ${question.text === undefined ? nothing : html`<p class="info-text" part="info-text">${this.text(question.text)}</p>`}
      ${this.renderDescription()}
    </div>`;
  }
}
