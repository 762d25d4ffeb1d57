import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CommentQuestion } from '@sipas/schema';
import { SipasQuestionElement } from './question-element.js';

/**
 * A free-text answer over several lines.
 *
 * It is not placed by hand: `<sipas-form>` creates one for each question of type `comment` and sets
 * `form`, `name` and `number`. It renders into the form's shadow root (it has none of its own), so
 * its parts are styled through the form: `sipas-form::part(...)`.
 *
 * @summary A free-text answer over several lines.
 *
 * @tagname sipas-question-comment
 *
 * @csspart question - the question's frame
 * @csspart question-title - its title, with the number and the required marker
 * @csspart question-description - its description
 * @csspart question-error - the error shown under it
 * @csspart input - the text area
 */
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
