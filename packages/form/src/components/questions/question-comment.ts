/**
 * @summary A free-text answer over several lines.
 * @csspart question - the question frame; question-title, question-description, question-error; input - the text area.
 */
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CommentQuestion } from '@sipas/schema';
import { SipasQuestionElement } from './question-element.js';

export class SipasQuestionComment extends SipasQuestionElement {
  protected override render() {
    const question = this.question as CommentQuestion;
    const value = this.value;
    return this.renderFrame(
      html`<textarea
        id=${this.idOf('input')}
        part="input"
        rows=${question.rows ?? 4}
        placeholder=${this.text(question.placeholder)}
        .value=${live(typeof value === 'string' ? value : '')}
        ?disabled=${this.disabled}
        aria-invalid=${this.invalid}
        aria-describedby=${this.describedBy}
        @change=${(event: Event) => this.commit(this.name, (event.target as HTMLTextAreaElement).value)}
      ></textarea>`,
      false,
    );
  }
}
