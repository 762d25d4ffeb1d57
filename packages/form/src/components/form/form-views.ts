/**
 * The pieces <sipas-form> shows around its questions: header, progress, error summary, page,
 * navigation, thank-you screen and load failure. Plain functions of what they show, so the
 * element keeps only state and behaviour.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Form } from '@sipas/core';
import { isAnswerable, type LocalizedMessage, type Question, type ValidationError } from '@sipas/schema';
import { inLanguage, ui } from '../../i18n.js';

/** One line of the error summary: a question's first error, or a problem no question owns. */
export interface SummaryEntry {
  name?: string;
  message: LocalizedMessage;
}

export type Delivery = 'none' | 'saving' | 'queued' | 'sent' | 'rejected';

export function renderHeader(form: Form): TemplateResult {
  const { questionnaire } = form;
  return html`<header part="header">
    <h2 class="title" part="title">${form.text(questionnaire.title)}</h2>
    ${questionnaire.description ? html`<p class="description" part="description">${form.text(questionnaire.description)}</p>` : nothing}
  </header>`;
}

export function renderProgress(form: Form, language: string): TemplateResult | typeof nothing {
  if (form.questionnaire.settings?.progressBar === false) return nothing;
  const { answered, total } = form.progress;
  const pages = form.visiblePages.length;
  return html`<div class="progress" part="progress">
    ${pages > 1 ? html`<span>${ui('pageOf', language, form.currentPageIndex + 1, pages)}</span>` : nothing}
    <label>
      <span>${ui('answered', language, answered, total)}</span>
      <progress max=${Math.max(total, 1)} .value=${answered} aria-label=${ui('progress', language)}></progress>
    </label>
  </div>`;
}

/** A question's title as plain text (or its name when it has none). */
export const plainTitle = (form: Form, question: Question): string => (question.title === undefined ? question.name : form.text(question.title));

/** Lines whose question has been answered since drop out; the text follows the current language. */
export function renderSummary(form: Form, entries: SummaryEntry[], language: string, focusQuestion: (name: string) => void): TemplateResult | typeof nothing {
  const shown = entries.filter(({ name }) => name === undefined || form.errorsOf(name).length > 0);
  if (shown.length === 0) return nothing;
  return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1">
    <p>${shown.length === 1 ? ui('errorSummaryOne', language) : ui('errorSummary', language, shown.length)}</p>
    <ul>
      ${shown.map(({ name, message }) => {
        if (name === undefined) return html`<li>${inLanguage(message, language)}</li>`;
        const text = `${plainTitle(form, form.question(name))}: ${inLanguage(message, language)}`;
        return html`<li><a href=${`#sipas-${name}-title`} @click=${(event: Event) => { event.preventDefault(); focusQuestion(name); }}>${text}</a></li>`;
      })}
    </ul>
  </div>`;
}

/** Question numbers count the shown questions that take an answer, across pages. */
function questionNumbers(form: Form): Map<string, number> {
  const numbers = new Map<string, number>();
  if (!form.questionnaire.settings?.questionNumbers) return numbers;
  for (const page of form.visiblePages) {
    for (const section of page.sections) {
      for (const question of section.questions) if (isAnswerable(question) && form.isVisible(question.name)) numbers.set(question.name, numbers.size + 1);
    }
  }
  return numbers;
}

export function renderPage(form: Form, language: string, questionNode: (question: Question, number: number | undefined) => unknown): TemplateResult {
  const page = form.currentPage!;
  const numbers = questionNumbers(form);
  return html`<div class="page" part="page">
    <h3 class="page-heading" part="page-title" tabindex="-1">${page.title ? form.text(page.title) : ui('pageOf', language, form.currentPageIndex + 1, form.visiblePages.length)}</h3>
    ${page.description ? html`<p class="description">${form.text(page.description)}</p>` : nothing}
    ${form.visibleSections(page.name).map(
      ({ section, questions }) => html`<section part="section" aria-labelledby=${section.title ? `sipas-section-${section.name}` : nothing}>
        ${section.title ? html`<h4 class="section-title" id=${`sipas-section-${section.name}`} part="section-title">${form.text(section.title)}</h4>` : nothing}
        ${section.description ? html`<p class="description">${form.text(section.description)}</p>` : nothing}
        ${questions.map((question) => questionNode(question, numbers.get(question.name)))}
      </section>`,
    )}
  </div>`;
}

export function renderNavigation(form: Form, language: string, actions: { back: () => void; next: () => void; submit: () => void }): TemplateResult {
  return html`<nav class="navigation" part="navigation" aria-label=${ui('navigation', language)}>
    ${form.isFirstPage ? nothing : html`<button type="button" class="secondary" part="button back-button" @click=${actions.back}>${ui('back', language)}</button>`}
    ${form.isLastPage
      ? html`<button type="button" class="primary" part="button submit-button" @click=${actions.submit}>${ui('submit', language)}</button>`
      : html`<button type="button" class="primary" part="button next-button" @click=${actions.next}>${ui('next', language)}</button>`}
  </nav>`;
}

function renderDeliveryStatus(delivery: Delivery, persistent: boolean, rejection: ValidationError[], language: string, reopen: () => void): TemplateResult | typeof nothing {
  switch (delivery) {
    case 'saving':
      return html`<p>${ui('saving', language)}</p>`;
    case 'queued':
      return html`<p class="queued">${ui('queued', language)}</p>${persistent ? nothing : html`<p>${ui('notPersistent', language)}</p>`}`;
    case 'sent':
      return html`<p class="sent">${ui('sent', language)}</p>`;
    case 'rejected':
      return html`<div class="rejected">
        <p>${ui('rejected', language)}</p>
        <ul>${rejection.map((error) => html`<li>${inLanguage(error.message, language)}</li>`)}</ul>
        <button type="button" class="primary" part="button fix-button" @click=${reopen}>${ui('fixAnswers', language)}</button>
      </div>`;
    default:
      return nothing;
  }
}

export function renderThankYou(
  form: Form,
  state: { delivery: Delivery; persistent: boolean; rejection: ValidationError[] },
  language: string,
  actions: { reopen: () => void; newResponse: () => void },
): TemplateResult {
  return html`<div class="thank-you" part="thank-you">
    <h3 class="thank-you-heading" tabindex="-1">${ui('thanksTitle', language)}</h3>
    <p>${ui('thanksText', language)}</p>
    <div class="delivery-status" part="delivery-status" role="status">${renderDeliveryStatus(state.delivery, state.persistent, state.rejection, language, actions.reopen)}</div>
    ${form.questionnaire.settings?.onePerDevice
      ? nothing
      : html`<button type="button" class="secondary" part="button new-button" @click=${actions.newResponse}>${ui('newResponse', language)}</button>`}
  </div>`;
}

export function renderLoadFailure(errors: ValidationError[], language: string, retry: (() => void) | undefined): TemplateResult {
  return html`<div class="load-failed" part="notice" role="alert">
    <p>${ui('loadFailed', language)}</p>
    <ul>${errors.slice(0, 5).map((error) => html`<li><code>${error.path || '/'}</code> ${inLanguage(error.message, language)}</li>`)}</ul>
    ${retry ? html`<button type="button" class="secondary" part="button retry-button" @click=${retry}>${ui('retry', language)}</button>` : nothing}
  </div>`;
}
