/**
 * @summary A one-line answer: text, email, phone, number or date.
 * @csspart question - the question frame; question-title, question-description, question-error; input - the text box.
 */
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { TextQuestion } from '@sipas/schema';
import { SipasQuestionElement } from './question-element.js';

const INPUT_MODES: Record<string, string> = { number: 'decimal', tel: 'tel', email: 'email' };

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
