/**
 * The canvas of one page: its sections as cards holding question cards, each question shown with
 * the runtime's own element (inert: it is a picture of the result, not a form to fill in), the
 * drop indicator where a drag would land, and the page navigator. Plain functions of what they
 * show; the designer element keeps state and behaviour.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { inLanguage, type Page, type Question, type Questionnaire, type Section } from '@sipas/schema';
import { coreTypes, type CoreTypeRegistry } from '@sipas/core';
import { designerTypes, type DesignerTypeCatalog } from '../../model/question-catalog.js';
import type { Selection } from '../../model/edit.js';
import { t } from '../../i18n.js';
import type { DropTarget } from './drag-drop.js';
import { previewForm, type QuestionNodes } from './question-preview.js';
import { displayText } from '../../model/values.js';

export interface CanvasContext {
  questionnaire: Questionnaire;
  page: Page;
  lang: string;
  /** The language the questionnaire's texts are shown in. */
  contentLanguage: string;
  selection: Selection;
  /** The element that takes Tab into the canvas (the selected one, or the first). */
  focusable: string;
  dropTarget: DropTarget | undefined;
  /** The element being dragged, dimmed in place. */
  dragged: string | undefined;
  nodes: QuestionNodes;
  /** The designer entries and the engine's types (custom ones included). */
  catalog: DesignerTypeCatalog;
  types: CoreTypeRegistry;
  onSelect: (selection: Selection, event: Event) => void;
  onKey: (selection: Selection, event: KeyboardEvent) => void;
  onHandlePress: (selection: Selection, event: PointerEvent) => void;
  onAction: (action: 'duplicate' | 'remove' | 'up' | 'down', selection: Selection) => void;
  onAddSection: () => void;
}

/** A text of the questionnaire in the content language, or the fallback when it has none. */
export const shownText = (text: Question['title'], language: string, fallback: string): string => displayText(text, language) ?? fallback;

/** How a question reads in the canvas's accessible names and announcements. */
export function questionLabel(question: Question, lang: string, contentLanguage: string, catalog = designerTypes, types: CoreTypeRegistry = coreTypes): string {
  const entry = catalog.get(question.type, types);
  const title = shownText(question.title ?? (question as { text?: Question['title'] }).text, contentLanguage, question.name);
  return t('questionItem', lang, question.name, title, entry ? inLanguage(entry.label, lang) : question.type);
}

const isSelected = (selection: Selection, kind: Selection['kind'], name: string) => selection.kind === kind && selection.name === name;

/**
 * The action icons, drawn as SVG: office computers often lack fonts with symbols such as ⧉ or 🗑,
 * and a missing glyph would leave an empty box.
 */
const ICONS = {
  up: svg`<path d="M8 3 3 9h3.5v4h3V9H13z" />`,
  down: svg`<path d="M8 13 3 7h3.5V3h3v4H13z" />`,
  duplicate: svg`<path d="M5 1h9v9h-2V3H5z M2 5h8v10H2z" />`,
  remove: svg`<path d="M5 1h6v2h4v2H1V3h4z M2.5 6h11l-1 9h-9z" />`,
} as const;

function renderActions(context: CanvasContext, selection: Selection, label: string): TemplateResult {
  const { lang } = context;
  const words = { up: t('moveUp', lang), down: t('moveDown', lang), duplicate: t('duplicate', lang), remove: t('remove', lang) };
  return html`<span class="actions">
    ${(['up', 'down', 'duplicate', 'remove'] as const).map(
      (action) => html`<button
        type="button"
        class="action"
        tabindex="-1"
        aria-label=${`${words[action]}: ${label}`}
        title=${words[action]}
        @click=${(event: Event) => {
          event.stopPropagation();
          context.onAction(action, selection);
        }}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${ICONS[action]}</svg>
      </button>`,
    )}
  </span>`;
}

function renderHandle(context: CanvasContext, selection: Selection, label: string): TemplateResult {
  return html`<span
    class="handle"
    aria-hidden="true"
    title=${t('dragHandle', context.lang, label)}
    @pointerdown=${(event: PointerEvent) => context.onHandlePress(selection, event)}
    >⠿</span
  >`;
}

/**
 * The tree item of a section (level 1) or question (level 2): the bar the keyboard and screen
 * readers act on, with the drag handle, what names it, and the actions when it is selected.
 */
function renderItemBar(context: CanvasContext, selection: Selection, level: 1 | 2, label: string, name: TemplateResult): TemplateResult {
  const selected = isSelected(context.selection, selection.kind, selection.name);
  return html`<div
    class=${level === 1 ? 'card-bar section-bar' : 'card-bar'}
    role="treeitem"
    aria-level=${level}
    aria-selected=${selected ? 'true' : 'false'}
    aria-label=${label}
    tabindex=${context.focusable === selection.name ? 0 : -1}
    data-item=${selection.name}
    @keydown=${(event: KeyboardEvent) => context.onKey(selection, event)}
  >
    ${renderHandle(context, selection, label)} ${name} ${selected ? renderActions(context, selection, label) : nothing}
  </div>`;
}

function renderQuestion(context: CanvasContext, section: Section, question: Question, index: number): TemplateResult {
  const selection: Selection = { kind: 'question', name: question.name };
  const selected = isSelected(context.selection, 'question', question.name);
  const label = questionLabel(question, context.lang, context.contentLanguage, context.catalog, context.types);
  const form = previewForm(context.questionnaire, question, context.contentLanguage, context.types);
  const node = form ? context.nodes.node(form, question, context.types) : undefined;
  // The card is a box the pointer acts on; its bar is the tree item the keyboard and screen
  // readers act on. The preview beside the bar is a picture (inert, hidden from assistive tech).
  return html`<div
      class=${classMap({ card: true, question: true, selected, dragged: context.dragged === question.name, 'drop-before': dropsBefore(context, section.name, index) })}
      data-name=${question.name}
      data-section=${section.name}
      data-index=${index}
      @click=${(event: Event) => context.onSelect(selection, event)}
    >
      ${renderItemBar(context, selection, 2, label, html`<span class="name">${question.name}</span>`)}
      <div class="preview" inert aria-hidden="true">${node ?? html`<p class="muted">${t('cannotShow', context.lang)}</p>`}</div>
    </div>`;
}

/**
 * Whether the drop indicator is drawn before the question at `index` of a section. The indicator
 * is a line drawn by the card's own ::before (classes, not an element), so showing it moves nothing:
 * the cards stay where the pointer found them.
 */
const dropsBefore = (context: CanvasContext, section: string, index: number): boolean => {
  const target = context.dropTarget;
  return target?.kind === 'question' && target.section === section && target.index === index;
};

const sectionDropsBefore = (context: CanvasContext, page: string, index: number): boolean => {
  const target = context.dropTarget;
  return target?.kind === 'section' && target.page === page && target.index === index;
};

function renderSection(context: CanvasContext, section: Section, index: number): TemplateResult {
  const selection: Selection = { kind: 'section', name: section.name };
  const selected = isSelected(context.selection, 'section', section.name);
  const title = shownText(section.title, context.contentLanguage, section.name);
  const label = t('sectionItem', context.lang, title);
  return html`<div
      class=${classMap({
        card: true,
        section: true,
        selected,
        dragged: context.dragged === section.name,
        'drop-before': sectionDropsBefore(context, context.page.name, index),
        'drop-after': sectionDropsBefore(context, context.page.name, index + 1) && index === context.page.sections.length - 1,
      })}
      data-name=${section.name}
      data-page=${context.page.name}
      data-section-index=${index}
      @click=${(event: Event) => context.onSelect(selection, event)}
    >
      ${renderItemBar(context, selection, 1, label, html`<span class="section-title">${title}</span>`)}
      <div
        class=${classMap({ questions: true, 'drop-end': dropsBefore(context, section.name, section.questions.length) })}
        data-section-body=${section.name}
      >
        ${section.questions.map((question, q) => renderQuestion(context, section, question, q))}
        ${section.questions.length === 0 ? html`<p class="empty muted">${t('emptySection', context.lang)}</p>` : nothing}
      </div>
    </div>`;
}

export function renderCanvas(context: CanvasContext): TemplateResult {
  const { page, lang } = context;
  const pageTitle = shownText(page.title, context.contentLanguage, page.name);
  return html`<div class="canvas-page" data-page-body=${page.name}>
    <p class="muted canvas-help" id="canvas-help">${t('canvasHelp', lang)}</p>
    <div role="tree" aria-label=${t('canvas', lang, pageTitle)} aria-describedby="canvas-help" class="tree">
      ${page.sections.map((section, index) => renderSection(context, section, index))}
    </div>
    <button type="button" class="add" @click=${context.onAddSection}>+ ${t('addSection', lang)}</button>
  </div>`;
}

export interface PageNavContext {
  questionnaire: Questionnaire;
  current: string;
  lang: string;
  contentLanguage: string;
  dropTarget: DropTarget | undefined;
  onOpen: (page: Page) => void;
  onKey: (page: Page, event: KeyboardEvent) => void;
  onPress: (page: Page, event: PointerEvent) => void;
  onAdd: () => void;
}

export function renderPageNav(context: PageNavContext): TemplateResult {
  const { lang } = context;
  return html`<nav class="page-nav" aria-label=${t('pages', lang)}>
    <ol>
      ${context.questionnaire.pages.map((page, index) => {
        const target = context.dropTarget;
        const dropping = (target?.kind === 'page' || (target?.kind === 'section' && context.current !== page.name)) && target.page === page.name;
        const pages = context.questionnaire.pages.length;
        const orderBefore = target?.kind === 'page-order' && target.index === index;
        const orderAfter = target?.kind === 'page-order' && target.index === pages && index === pages - 1;
        const count = page.sections.reduce((sum, section) => sum + section.questions.length, 0);
        return html`<li>
          <button
            type="button"
            class=${classMap({ 'page-tab': true, dropping, 'drop-before': orderBefore, 'drop-after': orderAfter })}
            data-page-tab=${page.name}
            data-page-index=${index}
            aria-current=${page.name === context.current ? 'page' : 'false'}
            @click=${() => context.onOpen(page)}
            @pointerdown=${(event: PointerEvent) => context.onPress(page, event)}
            @keydown=${(event: KeyboardEvent) => context.onKey(page, event)}
          >
            <span class="page-number">${t('pageN', lang, index + 1)}</span>
            <span class="page-title">${shownText(page.title, context.contentLanguage, page.name)}</span>
            <span class="muted page-count">(${count})</span>
          </button>
        </li>`;
      })}
    </ol>
    <button type="button" class="add" @click=${context.onAdd}>+ ${t('addPage', lang)}</button>
  </nav>`;
}
