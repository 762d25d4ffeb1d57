/**
 * Each step of the publish dialog replaces the controls of the last, so focus is moved on by hand
 * (a removed element leaves it nowhere): to the step's first control, to the result line once
 * published, and back to the Publish button when publishing failed.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { inLanguage, localize, type Questionnaire } from '@sipas/schema';
import { DesignerServer, ServerError, type ServerProblem, type SignedInUser } from '../../model/server-client.js';
import { coreTypes, type CoreTypeRegistry } from '@sipas/core';
import { checkCounts } from '../checks/index.js';
import { partStyles } from '../part-styles.js';
import { publishText as text } from './publish-strings.js';

export interface PublishedDetail {
  id: string;
  version: number;
}

type Step = 'checking' | 'sign-in' | 'ready' | 'publishing' | 'done';

/**
 * The publish dialog of `<sipas-designer>`: signs in to the collector server (`server`) when
 * needed, refuses a document with errors, publishes the document as a new version and reports the
 * version or the server's located problems.
 *
 * @summary Publishes the designed questionnaire to the collector server.
 *
 * @event sipas-published - The server stored the document as a new version (bubbles, composed). detail: { id, version }
 * @event close - The dialog closed; `open` is false again.
 *
 * @cssproperty --sipas-color-* - the SIPAS palette, shared with `<sipas-form>`: primary, on-primary, text, muted, background, surface, chosen, border, error
 * @cssproperty --sipas-font-family - the font
 */
export class SipasPublishDialog extends LitElement {
  static override styles = [
    partStyles,
    css`
      dialog {
        width: min(30rem, 92vw);
      }
      form,
      .body {
        display: grid;
        gap: 0.5rem;
      }
      .buttons {
        display: flex;
        gap: 0.5rem;
        justify-content: flex-end;
      }
    `,
  ];

  @property() override lang = 'vi';
  @property() server = '';
  @property({ type: Boolean }) open = false;
  @property({ attribute: false }) questionnaire?: Questionnaire;
  /** The question types the document may use (the shared registry by default); errors are checked with them. */
  @property({ attribute: false }) types: CoreTypeRegistry = coreTypes;

  @state() private step: Step = 'checking';
  @state() private user: SignedInUser | undefined;
  @state() private problems: ServerProblem[] = [];
  @state() private version = 0;
  @query('dialog') private dialog?: HTMLDialogElement;

  private client: DesignerServer | undefined;
  /** Where focus goes once the next render is done (the element is not there before). */
  private focusAfterRender: string | undefined;

  protected override updated(changed: PropertyValues<this>): void {
    if (this.focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
      this.focusAfterRender = undefined;
      target?.focus();
    }
    if (!changed.has('open')) return;
    if (this.open && !this.dialog?.open) {
      this.dialog?.showModal();
      void this.begin();
    } else if (!this.open && this.dialog?.open) {
      this.dialog.close();
    }
  }

  private async begin(): Promise<void> {
    this.client = new DesignerServer(this.server);
    this.problems = [];
    this.step = 'checking';
    try {
      this.user = await this.client.me();
      this.step = this.user ? 'ready' : 'sign-in';
    } catch (error) {
      this.fail(error);
      this.step = 'sign-in';
    }
    this.focusAfterRender = this.step === 'ready' ? this.readyFocus() : 'input[name="username"]';
  }

  /** The Publish button, or the reason it is disabled (a disabled button cannot hold focus). */
  private readyFocus(): string {
    return this.errorCount() > 0 ? '.has-errors' : 'button.publish';
  }

  private errorCount(): number {
    return this.questionnaire ? checkCounts(this.questionnaire, this.types).errors : 0;
  }

  private fail(error: unknown): void {
    this.problems = error instanceof ServerError ? error.problems : [{ path: '', message: { vi: String(error), en: String(error) } }];
  }

  private async signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    // The last refusal goes while this attempt runs, so a repeated refusal is heard again.
    this.problems = [];
    try {
      this.user = await this.client!.signIn(String(data.get('username') ?? ''), String(data.get('password') ?? ''));
      this.problems = [];
      this.step = 'ready';
      this.focusAfterRender = this.readyFocus();
    } catch (error) {
      this.fail(error);
    }
  }

  private async publish(): Promise<void> {
    const questionnaire = this.questionnaire;
    if (!questionnaire || this.step === 'publishing') return;
    this.step = 'publishing';
    this.problems = [];
    try {
      this.version = await this.client!.publish(questionnaire);
      this.step = 'done';
      this.focusAfterRender = '.published';
      this.dispatchEvent(new CustomEvent<PublishedDetail>('sipas-published', { detail: { id: questionnaire.id, version: this.version }, bubbles: true, composed: true }));
    } catch (error) {
      this.fail(error);
      this.step = 'ready';
      this.focusAfterRender = this.readyFocus();
    }
  }

  private close(): void {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  }

  override render() {
    const { lang } = this;
    return html`<dialog aria-labelledby="publish-title" @cancel=${(event: Event) => {
      event.preventDefault();
      this.close();
    }}>
      <h2 id="publish-title">${text('title', lang)}</h2>
      <div class="body">${this.renderStep()}</div>
      ${this.problems.length > 0
        ? html`<div role="alert" class="error-text">
            <p>${text('failed', lang)}</p>
            <ul>${this.problems.map((problem) => html`<li>${problem.path ? `${problem.path}: ` : ''}${inLanguage(problem.message, lang)}</li>`)}</ul>
          </div>`
        : nothing}
      <div class="buttons"><button type="button" class="close" @click=${() => this.close()}>${text('close', lang)}</button></div>
    </dialog>`;
  }

  private renderStep() {
    const { lang, questionnaire } = this;
    switch (this.step) {
      case 'checking':
        return html`<p role="status">${text('checking', lang)}</p>`;
      case 'sign-in':
        return html`<p>${text('signInPrompt', lang)}</p>
          <form @submit=${(event: SubmitEvent) => void this.signIn(event)}>
            <label>${text('username', lang)} <input name="username" autocomplete="username" required /></label>
            <label>${text('password', lang)} <input name="password" type="password" autocomplete="current-password" required /></label>
            <button type="submit" class="primary sign-in">${text('signIn', lang)}</button>
          </form>`;
      case 'done':
        return html`<p role="status" class="published" tabindex="-1">${text('published', lang, this.version, questionnaire?.id ?? '')}</p>`;
      default: {
        const errors = this.errorCount();
        const publishing = this.step === 'publishing';
        return html`${this.user ? html`<p class="muted">${text('signedInAs', lang, this.user.username, this.user.role)}</p>` : nothing}
          ${questionnaire ? html`<p>${text('publishWhat', lang, localize(questionnaire.title, lang), questionnaire.id)}</p>` : nothing}
          ${errors > 0 ? html`<p class="error-text has-errors" tabindex="-1">${text('hasErrors', lang, errors)}</p>` : nothing}
          <!-- Busy, not disabled, while publishing: a disabled button would drop the focus it holds. -->
          <button
            type="button"
            class="primary publish"
            ?disabled=${errors > 0}
            aria-disabled=${publishing ? 'true' : 'false'}
            @click=${() => void this.publish()}
          >
            ${publishing ? text('publishing', lang) : text('publish', lang)}
          </button>`;
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sipas-publish-dialog': SipasPublishDialog;
  }
}
