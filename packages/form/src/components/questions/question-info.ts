/**
 * @summary Text between questions (an introduction, an instruction); takes no answer.
 * @csspart question - the frame; question-title; info-text.
 */
import { html, nothing } from 'lit';
import type { InfoQuestion } from '@sipas/schema';
import { SipasQuestionElement } from './question-element.js';

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
