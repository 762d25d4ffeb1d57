import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { TextQuestion } from '@sipas/schema';
import { SipasQuestionElement } from './question-element.js';

const INPUT_MODES: Record<string, string> = { number: 'decimal', tel: 'tel', email: 'email' };

/**
 * A one-line answer: text, email, phone, number or date, with the keyboard and input mode that suit
 * it on phones.
 *
 * It is not placed by hand: `<sipas-form>` creates one for each question of type `text` and sets
 * `form`, `name` and `number`. It renders into the form's shadow root (it has none of its own), so
 * its parts are styled through the form: `sipas-form::part(...)`.
 *
 * @summary A one-line answer: text, email, phone, number or date.
 *
 * @tagname sipas-question-text
 *
 * @csspart question - the question's frame
 * @csspart question-title - its title, with the number and the required marker
 * @csspart question-description - its description
 * @csspart question-error - the error shown under it
 * @csspart input - the text box
 */
export class SipasQuestionText extends SipasQuestionElement {
  protected override render() {
    const question = this.question as TextQuestion;
    const inputType = question.inputType ?? 'text';
    const value = this.value;
    // A number field stays a text box with a decimal keypad: Vietnamese write 4,5 and type=number refuses it.
    return this.renderFrame(
      html`<input
        id=${this.idOf('input')}
        part="input"
        type=${inputType === 'number' ? 'text' : inputType}
        inputmode=${INPUT_MODES[inputType] ?? 'text'}
        autocomplete="off"
        placeholder=${this.text(question.placeholder)}
        .value=${live(value === undefined ? '' : String(value))}
        ?disabled=${this.disabled}
        aria-invalid=${this.invalid}
        aria-describedby=${this.describedBy}
        @change=${(event: Event) => this.commit(this.name, (event.target as HTMLInputElement).value)}
      />`,
      false,
    );
  }
}
