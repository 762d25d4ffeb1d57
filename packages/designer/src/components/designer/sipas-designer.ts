import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { cssomStyle } from '../cssom-style.js';
import { coreTypes, type CoreTypeRegistry } from '@sipas/core';
import { formStyles } from '@sipas/form';
import { inLanguage, type Page, type Questionnaire } from '@sipas/schema';
import { DESIGNER_EDIT, DESIGNER_SELECT, QUESTIONNAIRE_SELECTION, type DesignerEdit, type Selection } from '../../model/edit.js';
import { DocumentSession } from '../../model/document-session.js';
import { setIn } from '../../model/immutable.js';
import { freeName, locate, selectionAt, usedNames } from '../../model/locate.js';
import { stepElement, type Direction } from '../../model/moves.js';
import { addPage, addSection, duplicateElement, insertQuestion, movePage, moveQuestion, moveSection, newPage, newSection, removeElement, type QuestionTarget } from '../../model/operations.js';
import { designerTypes, type DesignerTypeCatalog } from '../../model/question-catalog.js';
import { findReferences, removalImpact, renameReferences } from '../../model/references.js';
import { AutosaveStore, Autosaver } from '../../model/autosave.js';
import { downloadQuestionnaire, questionnaireFileName, readQuestionnaireFile } from '../../model/files.js';
import { checkCounts } from '../checks/index.js';
import { DESIGNER_RENAME } from '../properties/index.js';
import { blankQuestionnaire } from '../gallery/index.js';
import { t } from '../../i18n.js';
import { partStyles } from '../part-styles.js';
import { DragController, type DragHost, type DragSource, type DropTarget } from './drag-drop.js';
import { questionLabel, renderCanvas, renderPageNav, shownText } from './canvas-views.js';
import { QuestionNodes } from './question-preview.js';
import { designerStyles } from './sipas-designer.styles.js';
import { TOOLBOX_INSERT, TOOLBOX_PRESS, type ToolboxInsertDetail, type ToolboxPressDetail } from './sipas-designer-toolbox.js';
import './sipas-designer-toolbox.js';

export type DesignerView = 'design' | 'units' | 'translations' | 'json' | 'preview' | 'checks';

export interface QuestionnaireChangeDetail {
  questionnaire: Questionnaire;
}

export const QUESTIONNAIRE_CHANGE = 'sipas-questionnaire-change';

/** How long a drag rests on a page tab before that page opens. */
const OPEN_PAGE_AFTER_MS = 700;

/** Between clearing the live region and speaking: long enough for screen readers to notice a repeat. */
const ANNOUNCE_DELAY_MS = 20;

const VIEWS: [DesignerView, Parameters<typeof t>[0]][] = [
  ['design', 'viewDesign'],
  ['units', 'viewUnits'],
  ['translations', 'viewTranslations'],
  ['json', 'viewJson'],
  ['preview', 'viewPreview'],
  ['checks', 'viewChecks'],
];

interface ConfirmRequest {
  text: string;
  resolve: (confirmed: boolean) => void;
}

interface PropertiesPanel extends HTMLElement {
  focusProperty?(rest: (string | number)[]): Promise<boolean>;
}

/**
 * The questionnaire designer: a toolbox, the canvas of pages, sections and questions, the property
 * and logic panels, and views for units and service fields, translations, JSON, a live preview and
 * checks; templates, files, undo and redo, autosave on the device and publishing to the collector
 * server.
 *
 * It owns the document: every part asks for changes with `sipas-designer-edit`, and the designer
 * applies them, records them for undo, autosaves and announces them, then hands the new document
 * back to every part. Set `questionnaire` to open a document; read it back from
 * `sipas-questionnaire-change`.
 *
 * @summary The visual SIPAS questionnaire designer.
 *
 * @event sipas-questionnaire-change - The document changed: an edit, an undo or a redo (bubbles, composed). detail: { questionnaire }
 *
 * @csspart base - the designer's frame
 *
 * @cssproperty --sipas-color-primary - primary buttons, the selection and focus rings
 * @cssproperty --sipas-color-on-primary - text on primary buttons
 * @cssproperty --sipas-color-text - body text
 * @cssproperty --sipas-color-muted - hints and secondary text
 * @cssproperty --sipas-color-background - the background
 * @cssproperty --sipas-color-surface - panels and hovered buttons
 * @cssproperty --sipas-color-chosen - pressed and selected items
 * @cssproperty --sipas-color-border - borders of controls
 * @cssproperty --sipas-color-error - errors
 * @cssproperty --sipas-font-family - the designer's font
 * @cssproperty --sipas-font-mono - the monospace font of expressions and JSON
 */
export class SipasDesigner extends LitElement implements DragHost {
  static override styles = [partStyles, formStyles, designerStyles];

  /** The document being designed. Setting it from outside opens it (undo history starts afresh). */
  @property({ attribute: false }) questionnaire: Questionnaire = blankQuestionnaire();
  /** The designer's own language (vi by default, en). */
  @property() override lang = 'vi';
  /** The collector API to publish to (e.g. `/api/v1`); without it there is no Publish button. */
  @property() server = '';
  /** Set `autosave="off"` to keep nothing on the device (shared computers, tests). */
  @property() autosave: 'on' | 'off' = 'on';
  /** The autosave database name (tests and several designers on one origin use their own). */
  @property({ attribute: 'autosave-database' }) autosaveDatabase = 'sipas-designer';
  /** Designer entries of the question types (extensions add theirs). */
  @property({ attribute: false }) catalog: DesignerTypeCatalog = designerTypes;
  /** The engine's question types (extensions add theirs). */
  @property({ attribute: false }) types: CoreTypeRegistry = coreTypes;

  @state() view: DesignerView = 'design';
  @state() selection: Selection = QUESTIONNAIRE_SELECTION;
  @state() private pageName = '';
  /** The language the questionnaire's texts are edited and shown in on the canvas. */
  @state() contentLanguage = 'vi';
  @state() private sideTab: 'properties' | 'logic' = 'properties';
  @state() private announcement = '';
  @state() private confirmRequest: ConfirmRequest | undefined;
  @state() private galleryOpen = false;
  @state() private publishOpen = false;
  @state() private fileErrors: string[] = [];
  @state() private recovery: { questionnaire: Questionnaire; savedAt: string; key: string } | undefined;
  @state() private openedWithErrors = 0;
  @state() private autosaveProblem = '';

  /** The open document's undo history (the document itself is `questionnaire`). */
  private readonly session = new DocumentSession(this.questionnaire);
  private readonly drag = new DragController(this);
  private readonly nodes = new QuestionNodes();
  /** The document this element last announced, so setting it back from a change handler does not reopen it. */
  private own: Questionnaire | undefined;
  private autosaver: Autosaver | undefined;
  private store: AutosaveStore | undefined;
  /**
   * The key the open document's autosaved draft is stored under: new for each document opened, so
   * editing its id never leaves drafts under the ids typed on the way.
   */
  private draftKey: string = crypto.randomUUID();
  /** The page tab a drag rests on, and the timer that opens its page. */
  private hoveredTab: { page: string; timer: ReturnType<typeof setTimeout> } | undefined;
  /** Where keyboard focus goes after the next render (an element name on the canvas). */
  private focusAfterRender: string | undefined;

  @query('dialog.confirm') private confirmDialog?: HTMLDialogElement;
  @query('input.open-file') private fileInput?: HTMLInputElement;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(DESIGNER_EDIT, this.onEditRequest);
    this.addEventListener(DESIGNER_SELECT, this.onSelectRequest);
    this.addEventListener(DESIGNER_RENAME, this.onRenameRequest);
    this.addEventListener(TOOLBOX_INSERT, this.onToolboxInsert as EventListener);
    this.addEventListener(TOOLBOX_PRESS, this.onToolboxPress as EventListener);
    this.addEventListener('keydown', this.onShortcut);
    this.addEventListener('focusout', this.onFocusOut);
    window.addEventListener('pagehide', this.onPageHide);
    void this.startAutosave();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(DESIGNER_EDIT, this.onEditRequest);
    this.removeEventListener(DESIGNER_SELECT, this.onSelectRequest);
    this.removeEventListener(DESIGNER_RENAME, this.onRenameRequest);
    this.removeEventListener(TOOLBOX_INSERT, this.onToolboxInsert as EventListener);
    this.removeEventListener(TOOLBOX_PRESS, this.onToolboxPress as EventListener);
    this.removeEventListener('keydown', this.onShortcut);
    this.removeEventListener('focusout', this.onFocusOut);
    window.removeEventListener('pagehide', this.onPageHide);
    // The last changes are written before the store closes (a designer removed from the page).
    const store = this.store;
    void this.autosaver?.flush().finally(() => store?.close());
    this.store = undefined;
    this.autosaver = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('questionnaire') && this.questionnaire !== this.own) {
      // A document handed in from outside: a fresh start.
      this.own = this.questionnaire;
      this.draftKey = crypto.randomUUID();
      this.session.reset(this.questionnaire);
      this.selection = QUESTIONNAIRE_SELECTION;
      this.pageName = this.questionnaire.pages[0]?.name ?? '';
    }
    if (!this.questionnaire.pages.some((page) => page.name === this.pageName)) this.pageName = this.questionnaire.pages[0]?.name ?? '';
    // Elements of questions no longer in the document are let go once per document, not per render
    // (a drag renders on every pointer move).
    if (changed.has('questionnaire')) this.nodes.keepOnly(usedNames(this.questionnaire));
  }

  protected override updated(): void {
    if (this.confirmRequest && this.confirmDialog && !this.confirmDialog.open) this.confirmDialog.showModal();
    if (this.focusAfterRender !== undefined) {
      const name = this.focusAfterRender;
      this.focusAfterRender = undefined;
      this.canvasItem(name)?.focus();
    }
  }

  // ——— Document changes ———

  /** Applies an edit: the one way the document changes (parts, canvas, toolbox, dialogs). */
  applyEdit(edit: DesignerEdit, options: { announce?: boolean } = {}): boolean {
    let changed: boolean;
    try {
      changed = this.session.apply(edit);
    } catch (error) {
      this.announce(error instanceof Error ? error.message : String(error));
      return false;
    }
    if (!changed) return false;
    this.show(this.session.document);
    if (edit.select) this.select(edit.select);
    if (options.announce ?? edit.mergeKey === undefined) this.announce(edit.label);
    return true;
  }

  /** Shows a new state of the same document (an edit, an undo or a redo) and tells the page. */
  private show(questionnaire: Questionnaire): void {
    this.own = questionnaire;
    this.questionnaire = questionnaire;
    // The selection follows its element (to another page after an undone move), or is dropped with it.
    if (this.selection.kind !== 'questionnaire') this.select(locate(questionnaire, this.selection.name) ? this.selection : QUESTIONNAIRE_SELECTION);
    this.autosaver?.schedule(questionnaire, this.draftKey);
    this.dispatchEvent(new CustomEvent<QuestionnaireChangeDetail>(QUESTIONNAIRE_CHANGE, { detail: { questionnaire }, bubbles: true, composed: true }));
  }

  /**
   * Opens another document (template, file, recovered draft) as one undoable step; `draftKey`
   * continues an autosaved draft, otherwise the document gets a draft of its own.
   */
  open(questionnaire: Questionnaire, label = t('editOpen', this.lang, questionnaire.id), draftKey: string = crypto.randomUUID()): void {
    this.draftKey = draftKey;
    this.openedWithErrors = 0;
    this.keepFocusThrough(() => this.applyEdit({ label, apply: () => questionnaire, select: QUESTIONNAIRE_SELECTION }, { announce: false }));
    this.pageName = questionnaire.pages[0]?.name ?? '';
    this.announce(t('announceOpened', this.lang, shownText(questionnaire.title, this.contentLanguage, questionnaire.id)));
  }

  undo(): void {
    const step = this.session.undo();
    if (!step) return;
    this.keepFocusThrough(() => this.show(step.before));
    this.announce(t('announceUndo', this.lang, step.label));
  }

  redo(): void {
    const step = this.session.redo();
    if (!step) return;
    this.keepFocusThrough(() => this.show(step.after));
    this.announce(t('announceRedo', this.lang, step.label));
  }

  /**
   * Runs a change that may take away the focused element (undoing an insert removes the question
   * that had focus); focus then goes to the canvas rather than falling out of the designer, so the
   * next Ctrl+Z still reaches it.
   */
  private keepFocusThrough(change: () => void): void {
    const hadFocus = this.matches(':focus-within');
    change();
    if (!hadFocus) return;
    void this.updateComplete.then(() => {
      if (this.matches(':focus-within')) return;
      const target = this.renderRoot.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]') ?? this.renderRoot.querySelector<HTMLElement>('button.undo:not(:disabled), button.redo');
      target?.focus();
    });
  }

  private readonly onEditRequest = (event: CustomEvent<DesignerEdit>): void => {
    event.stopPropagation();
    this.applyEdit(event.detail);
  };

  private readonly onSelectRequest = (event: CustomEvent<{ path: string }>): void => {
    event.stopPropagation();
    const { selection, rest } = selectionAt(this.questionnaire, event.detail.path);
    this.view = 'design';
    this.sideTab = 'properties';
    this.select(selection);
    void this.updateComplete.then(() => {
      const panel = this.renderRoot.querySelector<PropertiesPanel>('sipas-designer-properties');
      if (panel?.focusProperty && rest.length > 0) panel.focusProperty(rest);
      else if (selection.kind !== 'questionnaire') this.canvasItem(selection.name)?.focus();
    });
  };

  private readonly onRenameRequest = (event: Event): void => {
    event.stopPropagation();
    void this.rename((event as CustomEvent<{ from: string; to: string }>).detail);
  };

  /** Renames an element and every reference to it, after asking when something refers to it. */
  private async rename({ from, to }: { from: string; to: string }): Promise<void> {
    if (from === to || !locate(this.questionnaire, from) || locate(this.questionnaire, to)) return;
    const references = findReferences(this.questionnaire, from);
    if (references.length > 0 && !(await this.confirm(t('renameReferenced', this.lang, from, to, references.length)))) return;
    const selected = this.selection.name === from;
    this.applyEdit({
      label: t('editRename', this.lang, from, to),
      apply: (questionnaire) => {
        const found = locate(questionnaire, from);
        return found ? renameReferences(setIn(questionnaire, [...found.path, 'name'], to), from, to) : questionnaire;
      },
      select: selected ? { kind: this.selection.kind, name: to } : undefined,
    });
    if (this.pageName === from) this.pageName = to;
  }

  // ——— Selection and canvas ———

  select(selection: Selection): void {
    this.selection = selection;
    if (selection.kind === 'questionnaire') return;
    const found = locate(this.questionnaire, selection.name);
    if (found) this.pageName = this.questionnaire.pages[found.page]!.name;
  }

  private get page(): Page | undefined {
    return this.questionnaire.pages.find((page) => page.name === this.pageName) ?? this.questionnaire.pages[0];
  }

  private canvasItem(name: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[role="treeitem"][data-item="${CSS.escape(name)}"]`);
  }

  /** The canvas items of the current page in reading order (sections and their questions). */
  private get canvasOrder(): Selection[] {
    const page = this.page;
    if (!page) return [];
    return page.sections.flatMap((section) => [
      { kind: 'section' as const, name: section.name },
      ...section.questions.map((question) => ({ kind: 'question' as const, name: question.name })),
    ]);
  }

  private readonly onCanvasKey = (selection: Selection, event: KeyboardEvent): void => {
    if (event.target !== event.currentTarget) return;
    const order = this.canvasOrder;
    const at = order.findIndex((item) => item.name === selection.name);
    const go = (index: number) => {
      const next = order[Math.max(0, Math.min(order.length - 1, index))];
      if (!next) return;
      this.select(next);
      this.focusAfterRender = next.name;
      this.requestUpdate();
    };
    const key = event.key;
    if (event.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
      event.preventDefault();
      this.moveStep(selection, key === 'ArrowUp' ? -1 : 1);
    } else if (key === 'ArrowUp' || key === 'ArrowDown') {
      event.preventDefault();
      go(at + (key === 'ArrowUp' ? -1 : 1));
    } else if (key === 'Home' || key === 'End') {
      event.preventDefault();
      go(key === 'Home' ? 0 : order.length - 1);
    } else if (key === 'Delete') {
      event.preventDefault();
      void this.removeSelected(selection);
    } else if ((event.ctrlKey || event.metaKey) && key.toLowerCase() === 'd') {
      event.preventDefault();
      this.duplicate(selection);
    } else if (key === 'Enter' || key === 'F2') {
      event.preventDefault();
      this.select(selection);
      this.sideTab = 'properties';
      void this.updateComplete.then(() => this.renderRoot.querySelector<PropertiesPanel>('sipas-designer-properties')?.focusProperty?.([]));
    }
  };

  /** Moves an element one step (Alt+Arrow, the move buttons), following it with focus and words. */
  moveStep(selection: Selection, direction: Direction): void {
    const label = this.labelOf(selection.name);
    const moved = this.applyEdit(
      { label: t('editMove', this.lang, label), apply: (questionnaire) => stepElement(questionnaire, selection.name, direction) ?? questionnaire, select: selection },
      { announce: false },
    );
    if (!moved) {
      this.announce(t('announceCannotMove', this.lang, label));
      return;
    }
    this.announcePlace('announceMoved', selection.name);
    this.focusAfterRender = selection.name;
  }

  /** "Moved q3 to Section B (page 2), position 1". */
  private announcePlace(key: 'announceMoved' | 'announceInserted', name: string): void {
    const found = locate(this.questionnaire, name);
    if (!found) return;
    const page = this.questionnaire.pages[found.page]!;
    const container =
      found.kind === 'question'
        ? `${shownText(page.sections[found.section!]!.title, this.contentLanguage, page.sections[found.section!]!.name)} (${t('pageN', this.lang, found.page + 1)})`
        : t('pageN', this.lang, found.page + 1);
    const position = (found.kind === 'question' ? found.question! : found.kind === 'section' ? found.section! : found.page) + 1;
    this.announce(t(key, this.lang, this.labelOf(name), container, position));
  }

  private labelOf(name: string): string {
    const found = locate(this.questionnaire, name);
    if (!found) return name;
    if (found.kind === 'question') return questionLabel(found.element as never, this.lang, this.contentLanguage, this.catalog, this.types);
    return shownText((found.element as Page).title, this.contentLanguage, name);
  }

  private duplicate(selection: Selection): void {
    if (selection.kind === 'questionnaire') return;
    const label = this.labelOf(selection.name);
    let copy = '';
    const done = this.applyEdit({
      label: t('editDuplicate', this.lang, label),
      apply: (questionnaire) => {
        const duplicated = duplicateElement(questionnaire, selection.name);
        copy = duplicated.name;
        return duplicated.questionnaire;
      },
    });
    if (!done) return;
    this.select({ kind: selection.kind, name: copy });
    this.focusAfterRender = copy;
  }

  private async removeSelected(selection: Selection): Promise<void> {
    if (selection.kind === 'questionnaire') return;
    const found = locate(this.questionnaire, selection.name);
    if (!found) return;
    if (found.kind === 'page' && this.questionnaire.pages.length === 1) return;
    const names = elementNames(found.element);
    const impact = removalImpact(this.questionnaire, names);
    const label = this.labelOf(selection.name);
    if (impact.length > 0 && !(await this.confirm(t('removeReferenced', this.lang, label, impact.length)))) return;
    // Focus goes to the neighbour that takes the removed element's place.
    const order = this.canvasOrder;
    const at = order.findIndex((item) => item.name === selection.name);
    const neighbour = order.slice(at + 1).find((item) => !names.includes(item.name)) ?? order.slice(0, at).reverse().find((item) => !names.includes(item.name));
    this.applyEdit({ label: t('editRemove', this.lang, label), apply: (questionnaire) => removeElement(questionnaire, selection.name), select: neighbour ?? QUESTIONNAIRE_SELECTION }, { announce: false });
    this.announce(t('announceRemoved', this.lang, label));
    if (neighbour) this.focusAfterRender = neighbour.name;
  }

  private readonly onCanvasAction = (action: 'duplicate' | 'remove' | 'up' | 'down', selection: Selection): void => {
    if (action === 'duplicate') this.duplicate(selection);
    else if (action === 'remove') void this.removeSelected(selection);
    else this.moveStep(selection, action === 'up' ? -1 : 1);
  };

  /** Where a new question goes without a drop: after the selected question, else at the end of the selected or last section. */
  private insertionPoint(): QuestionTarget | undefined {
    const found = this.selection.kind === 'questionnaire' ? undefined : locate(this.questionnaire, this.selection.name);
    if (found?.kind === 'question') return { section: this.questionnaire.pages[found.page]!.sections[found.section!]!.name, index: found.question! + 1 };
    if (found?.kind === 'section') return { section: this.selection.name };
    const page = this.page;
    const section = page?.sections[page.sections.length - 1];
    return section ? { section: section.name } : undefined;
  }

  /** Adds a question of a type at a target (or the insertion point), selects and announces it. */
  insertType(type: string, target = this.insertionPoint()): void {
    const entry = this.catalog.get(type, this.types);
    if (!entry || !target) return;
    const name = freeName(this.questionnaire, entry.namePrefix ?? 'q');
    const question = entry.create(name);
    const inserted = this.applyEdit(
      { label: t('editInsert', this.lang, name), apply: (questionnaire) => insertQuestion(questionnaire, question, target), select: { kind: 'question', name } },
      { announce: false },
    );
    if (!inserted) return;
    this.announcePlace('announceInserted', name);
    this.focusAfterRender = name;
  }

  private readonly onToolboxInsert = (event: CustomEvent<ToolboxInsertDetail>): void => {
    if (this.drag.justDropped) return;
    this.insertType(event.detail.type);
  };

  private readonly onToolboxPress = (event: CustomEvent<ToolboxPressDetail>): void => {
    this.drag.start({ kind: 'new', type: event.detail.type }, event.detail.event);
  };

  private readonly onHandlePress = (selection: Selection, event: PointerEvent): void => {
    if (selection.kind === 'question' || selection.kind === 'section') {
      event.preventDefault();
      this.drag.start({ kind: selection.kind, name: selection.name }, event);
    }
  };

  // ——— Drag and drop (DragHost) ———

  dropTargetAt(x: number, y: number, source: DragSource): DropTarget | undefined {
    const root = this.renderRoot as ShadowRoot;
    for (const element of root.elementsFromPoint(x, y)) {
      if (!(element instanceof HTMLElement)) continue;
      const tab = element.closest<HTMLElement>('[data-page-tab]');
      if (tab && source.kind === 'page') {
        const box = tab.getBoundingClientRect();
        const index = Number(tab.dataset.pageIndex);
        return { kind: 'page-order', index: x < box.left + box.width / 2 ? index : index + 1 };
      }
      if (source.kind === 'page') continue;
      if (tab) {
        const page = tab.dataset.pageTab!;
        this.openPageWhileHovering(page);
        return source.kind === 'section' ? { kind: 'section', page, index: this.questionnaire.pages.find((p) => p.name === page)?.sections.length ?? 0 } : { kind: 'page', page };
      }
      if (source.kind === 'section') {
        const card = element.closest<HTMLElement>('.card.section');
        if (card) {
          const index = Number(card.dataset.sectionIndex);
          const box = card.getBoundingClientRect();
          return { kind: 'section', page: card.dataset.page!, index: y < box.top + box.height / 2 ? index : index + 1 };
        }
        continue;
      }
      const card = element.closest<HTMLElement>('.card.question');
      if (card) {
        const box = card.getBoundingClientRect();
        const index = Number(card.dataset.index);
        return { kind: 'question', section: card.dataset.section!, index: y < box.top + box.height / 2 ? index : index + 1 };
      }
      const body = element.closest<HTMLElement>('.card.section');
      if (body) {
        const section = body.dataset.name!;
        const count = this.questionnaire.pages.flatMap((p) => p.sections).find((s) => s.name === section)?.questions.length ?? 0;
        const bar = body.querySelector('.section-bar')?.getBoundingClientRect();
        return { kind: 'question', section, index: bar && y < bar.bottom ? 0 : count };
      }
    }
    return undefined;
  }

  /**
   * A drag that rests on another page's tab opens that page, so the element can be dropped at any
   * place in it (not only at its end); moving off the tab before then keeps the current page.
   */
  private openPageWhileHovering(page: string): void {
    if (this.hoveredTab?.page === page) return;
    clearTimeout(this.hoveredTab?.timer);
    this.hoveredTab = {
      page,
      timer: setTimeout(() => {
        if (this.drag.dragging && this.hoveredTab?.page === page) {
          this.pageName = page;
          this.announce(t('announcePageOpened', this.lang, shownText(this.questionnaire.pages.find((p) => p.name === page)?.title, this.contentLanguage, page)));
        }
      }, OPEN_PAGE_AFTER_MS),
    };
  }

  dragStarted(source: DragSource): void {
    const what = source.kind === 'new' ? inLanguage(this.catalog.get(source.type, this.types)?.label ?? { vi: source.type, en: source.type }, this.lang) : this.labelOf(source.name);
    this.announce(t('announceDrag', this.lang, what));
  }

  dropped(source: DragSource, target: DropTarget): void {
    const questionTarget = (): QuestionTarget | undefined => {
      if (target.kind === 'question') return { section: target.section, index: target.index };
      if (target.kind !== 'page') return undefined;
      const page = this.questionnaire.pages.find((p) => p.name === target.page);
      const last = page?.sections[page.sections.length - 1];
      return last ? { section: last.name } : undefined;
    };
    if (source.kind === 'new') {
      const to = questionTarget();
      if (to) this.insertType(source.type, to);
      else this.dragCancelled();
      return;
    }
    if (source.kind === 'question') {
      const to = questionTarget();
      if (!to) return this.dragCancelled();
      const label = this.labelOf(source.name);
      const moved = this.applyEdit({ label: t('editMove', this.lang, label), apply: (questionnaire) => moveQuestion(questionnaire, source.name, to), select: { kind: 'question', name: source.name } }, { announce: false });
      if (moved) this.announcePlace('announceMoved', source.name);
      this.focusAfterRender = source.name;
      return;
    }
    if (source.kind === 'page') {
      if (target.kind !== 'page-order') return this.dragCancelled();
      const label = this.labelOf(source.name);
      const moved = this.applyEdit(
        { label: t('editMove', this.lang, label), apply: (questionnaire) => movePage(questionnaire, source.name, target.index), select: { kind: 'page', name: source.name } },
        { announce: false },
      );
      if (moved) this.announcePlace('announceMoved', source.name);
      return;
    }
    if (target.kind !== 'section') return this.dragCancelled();
    const label = this.labelOf(source.name);
    const moved = this.applyEdit(
      { label: t('editMove', this.lang, label), apply: (questionnaire) => moveSection(questionnaire, source.name, { page: target.page, index: target.index }), select: { kind: 'section', name: source.name } },
      { announce: false },
    );
    if (moved) this.announcePlace('announceMoved', source.name);
    this.focusAfterRender = source.name;
  }

  /** Called by the drag controller whenever a drag ends. */
  dragEnded(): void {
    clearTimeout(this.hoveredTab?.timer);
    this.hoveredTab = undefined;
  }

  dragCancelled(): void {
    this.announce(t('announceDragCancelled', this.lang));
  }

  // ——— Pages ———

  private readonly onPageKey = (page: Page, event: KeyboardEvent): void => {
    if (!event.altKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    this.moveStep({ kind: 'page', name: page.name }, event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 1);
    this.focusAfterRender = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-page-tab="${CSS.escape(page.name)}"]`)?.focus());
  };

  private addPage(): void {
    const page = newPage(this.questionnaire);
    const index = this.questionnaire.pages.findIndex((p) => p.name === this.pageName) + 1;
    this.applyEdit({ label: t('editAddPage', this.lang, page.name), apply: (questionnaire) => addPage(questionnaire, index, page).questionnaire, select: { kind: 'page', name: page.name } });
    this.pageName = page.name;
  }

  private addSection(): void {
    const page = this.page;
    if (!page) return;
    const created = newSection(this.questionnaire);
    this.applyEdit({ label: t('editAddSection', this.lang, created.name), apply: (questionnaire) => addSection(questionnaire, { page: page.name }, created), select: { kind: 'section', name: created.name } });
    this.focusAfterRender = created.name;
  }

  // ——— Files, autosave, publishing ———

  private async startAutosave(): Promise<void> {
    if (this.autosave === 'off' || this.store) return;
    try {
      const store = await AutosaveStore.open({ name: this.autosaveDatabase });
      if (!this.isConnected) return store.close();
      this.store = store;
      this.autosaver = new Autosaver(store, { onError: (error) => this.showAutosaveProblem(error) });
      const draft = await store.latestUnsaved();
      // A stored copy is never the same object: offer it only when it differs from what is open.
      if (draft && JSON.stringify(draft.questionnaire) !== JSON.stringify(this.questionnaire)) this.recovery = { questionnaire: draft.questionnaire, savedAt: draft.savedAt, key: draft.key };
    } catch (error) {
      this.showAutosaveProblem(error);
    }
  }

  private showAutosaveProblem(error: unknown): void {
    this.autosaveProblem = t('autosaveFailed', this.lang, error instanceof Error ? error.message : String(error));
  }

  /** Writes any change still waiting for autosave (tests, and pages that navigate away on their own). */
  async flushAutosave(): Promise<void> {
    await this.autosaver?.flush();
  }

  private readonly onPageHide = (): void => {
    void this.autosaver?.flush();
  };

  private save(): void {
    downloadQuestionnaire(this.questionnaire);
    void this.autosaver?.markSaved(this.draftKey);
    // Work in progress may be saved; the person hears that it still has errors to fix.
    const { errors } = checkCounts(this.questionnaire, this.types);
    const name = questionnaireFileName(this.questionnaire);
    this.announce(errors > 0 ? t('announceSavedWithErrors', this.lang, name, errors) : t('announceSaved', this.lang, name));
  }

  private async openFile(file: File | undefined): Promise<void> {
    if (!file) return;
    const read = await readQuestionnaireFile(file);
    if ('errors' in read) {
      this.fileErrors = read.errors.map((error) => `${error.path ? `${error.path}: ` : ''}${inLanguage(error.message, this.lang)}`);
      return;
    }
    this.fileErrors = [];
    this.open(read.questionnaire);
    this.openedWithErrors = read.problems.length;
  }

  /** Typing in one field is one undo step; leaving the field ends it, so coming back starts another. */
  private readonly onFocusOut = (): void => {
    this.session.history.seal();
  };

  private readonly onShortcut = (event: KeyboardEvent): void => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if ((key === 'z' || key === 'y') && typesIntoOwnText(event)) return;
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      this.undo();
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault();
      this.redo();
    } else if (key === 's') {
      event.preventDefault();
      this.save();
    }
  };

  // ——— Dialogs and announcements ———

  /** Asks a yes/no question in a modal dialog. */
  confirm(text: string): Promise<boolean> {
    this.confirmRequest?.resolve(false);
    return new Promise((resolve) => {
      const opener = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
      this.confirmRequest = {
        text,
        resolve: (confirmed) => {
          this.confirmRequest = undefined;
          this.confirmDialog?.close();
          opener?.focus();
          resolve(confirmed);
        },
      };
    });
  }

  /** Says something through the live region (screen readers), replacing what was said before. */
  announce(text: string): void {
    // A repeat of the same words must still be spoken: clear first, then set in a later task.
    this.announcement = '';
    setTimeout(() => (this.announcement = text), ANNOUNCE_DELAY_MS);
  }


  // ——— Rendering ———

  override render() {
    const { lang } = this;
    return html`<div class="designer" part="base" lang=${lang}>
      ${this.renderTopBar()} ${this.renderNotices()}
      <div class="views" role="tablist" aria-label=${t('views', lang)}>
        ${VIEWS.map(
          ([view, label]) => html`<button
            type="button"
            role="tab"
            id=${`tab-${view}`}
            aria-controls="view-panel"
            aria-selected=${this.view === view ? 'true' : 'false'}
            tabindex=${this.view === view ? 0 : -1}
            @click=${() => (this.view = view)}
            @keydown=${this.onTabKey}
          >
            ${t(label, lang)}${view === 'checks' ? this.renderChecksBadge() : nothing}
          </button>`,
        )}
      </div>
      <div id="view-panel" role="tabpanel" aria-labelledby=${`tab-${this.view}`} class=${`view view-${this.view}`}>${this.renderView()}</div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.renderConfirm()} ${this.renderGhost()}
      <sipas-template-gallery
        lang=${lang}
        ?open=${this.galleryOpen}
        @sipas-template-choose=${(event: CustomEvent<{ questionnaire: Questionnaire }>) => {
          this.galleryOpen = false;
          this.open(event.detail.questionnaire);
        }}
        @close=${() => (this.galleryOpen = false)}
      ></sipas-template-gallery>
      ${this.server
        ? html`<sipas-publish-dialog
            lang=${lang}
            server=${this.server}
            ?open=${this.publishOpen}
            .questionnaire=${this.questionnaire}
            .types=${this.types}
            @close=${() => (this.publishOpen = false)}
            @sipas-published=${() => void this.autosaver?.markSaved(this.draftKey)}
          ></sipas-publish-dialog>`
        : nothing}
    </div>`;
  }

  private readonly onTabKey = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const at = VIEWS.findIndex(([view]) => view === this.view);
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? VIEWS.length - 1 : (at + (event.key === 'ArrowRight' ? 1 : -1) + VIEWS.length) % VIEWS.length;
    this.view = VIEWS[next]![0];
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.view}`)?.focus());
  };

  private renderChecksBadge() {
    const { errors, warnings } = checkCounts(this.questionnaire, this.types);
    return errors + warnings === 0
      ? nothing
      : html` <span class=${errors > 0 ? 'badge error' : 'badge'}>${t('checksBadge', this.lang, errors, warnings)}</span>`;
  }

  private renderTopBar() {
    const { lang } = this;
    const { history } = this.session;
    return html`<header class="top-bar">
      <h1 class="app-title">${t('designer', lang)}</h1>
      <div class="tools" role="toolbar" aria-label=${t('designer', lang)}>
        <button type="button" class="new" @click=${() => (this.galleryOpen = true)}>${t('newDocument', lang)}</button>
        <button type="button" class="open" @click=${() => this.fileInput?.click()}>${t('open', lang)}</button>
        <input
          class="open-file"
          type="file"
          accept="application/json,.json"
          hidden
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            void this.openFile(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
        <button type="button" class="save" @click=${() => this.save()}>${t('save', lang)}</button>
        <button
          type="button"
          class="undo"
          ?disabled=${!history.canUndo}
          title=${history.undoLabel ? t('undoWhat', lang, history.undoLabel) : t('undo', lang)}
          @click=${() => this.undo()}
        >
          ↶ ${t('undo', lang)}
        </button>
        <button
          type="button"
          class="redo"
          ?disabled=${!history.canRedo}
          title=${history.redoLabel ? t('redoWhat', lang, history.redoLabel) : t('redo', lang)}
          @click=${() => this.redo()}
        >
          ↷ ${t('redo', lang)}
        </button>
        <button type="button" class="preview" aria-pressed=${this.view === 'preview' ? 'true' : 'false'} @click=${() => (this.view = this.view === 'preview' ? 'design' : 'preview')}>
          ${t('viewPreview', lang)}
        </button>
        ${this.server ? html`<button type="button" class="publish primary" @click=${() => (this.publishOpen = true)}>${t('publish', lang)}</button>` : nothing}
      </div>
      <label class="language">
        <span>${t('editLanguage', lang)}</span>
        <select class="content-language" @change=${(event: Event) => (this.contentLanguage = (event.target as HTMLSelectElement).value)}>
          ${(this.questionnaire.locales ?? ['vi', 'en']).map((locale) => html`<option value=${locale} ?selected=${locale === this.contentLanguage}>${locale}</option>`)}
        </select>
      </label>
      <label class="language">
        <span>${t('uiLanguage', lang)}</span>
        <select class="ui-language" @change=${(event: Event) => (this.lang = (event.target as HTMLSelectElement).value)}>
          <option value="vi" ?selected=${lang === 'vi'}>Tiếng Việt</option>
          <option value="en" ?selected=${lang === 'en'}>English</option>
        </select>
      </label>
    </header>`;
  }

  private renderNotices() {
    const { lang } = this;
    return html`${this.recovery
      ? html`<div class="notice" role="region" aria-label=${t('recoverTitle', lang)}>
          <p><strong>${t('recoverTitle', lang)}.</strong> ${t('recoverText', lang, shownText(this.recovery.questionnaire.title, this.contentLanguage, this.recovery.questionnaire.id), new Date(this.recovery.savedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN'))}</p>
          <button type="button" class="recover primary" @click=${() => {
            const { questionnaire, key } = this.recovery!;
            this.recovery = undefined;
            this.open(questionnaire, undefined, key);
          }}>${t('recover', lang)}</button>
          <button type="button" class="dismiss" @click=${() => {
            const { key } = this.recovery!;
            this.recovery = undefined;
            void this.store?.remove(key).catch((error: unknown) => this.showAutosaveProblem(error));
          }}>${t('discard', lang)}</button>
        </div>`
      : nothing}
    ${this.fileErrors.length > 0
      ? html`<div class="notice error-notice" role="alert">
          <p>${t('openFailed', lang)}</p>
          <ul>${this.fileErrors.slice(0, 10).map((error) => html`<li>${error}</li>`)}</ul>
          <button type="button" @click=${() => (this.fileErrors = [])}>${t('close', lang)}</button>
        </div>`
      : nothing}
    ${this.openedWithErrors > 0
      ? html`<div class="notice" role="status">
          <p>${t('openedWithErrors', lang, this.openedWithErrors)}</p>
          <button type="button" @click=${() => {
            this.openedWithErrors = 0;
            this.view = 'checks';
          }}>${t('viewChecks', lang)}</button>
        </div>`
      : nothing}
    ${this.autosaveProblem ? html`<p class="notice muted">${this.autosaveProblem}</p>` : nothing}`;
  }

  private renderView() {
    const { lang, questionnaire } = this;
    switch (this.view) {
      case 'units':
        return html`<sipas-designer-hierarchy .questionnaire=${questionnaire} lang=${lang}></sipas-designer-hierarchy>`;
      case 'translations':
        return html`<sipas-designer-translations .questionnaire=${questionnaire} lang=${lang}></sipas-designer-translations>`;
      case 'json':
        return html`<sipas-designer-json .questionnaire=${questionnaire} lang=${lang}></sipas-designer-json>`;
      case 'preview':
        return html`<sipas-designer-preview .questionnaire=${questionnaire} .types=${this.types} lang=${lang}></sipas-designer-preview>`;
      case 'checks':
        return html`<sipas-designer-checks .questionnaire=${questionnaire} .types=${this.types} lang=${lang}></sipas-designer-checks>`;
      default:
        return this.renderDesign();
    }
  }

  private renderDesign() {
    const { lang, questionnaire } = this;
    const page = this.page;
    const order = this.canvasOrder;
    const focusable = order.some((item) => item.name === this.selection.name) ? this.selection.name : (order[0]?.name ?? '');
    const dragging = this.drag.dragging;
    return html`<div class="design">
      <aside class="toolbox" aria-labelledby="toolbox-region">
        <span id="toolbox-region" class="visually-hidden">${t('toolbox', lang)}</span>
        <sipas-designer-toolbox lang=${lang} .catalog=${this.catalog} .types=${this.types}></sipas-designer-toolbox>
      </aside>
      <main class="canvas">
        ${renderPageNav({
          questionnaire,
          current: page?.name ?? '',
          lang,
          contentLanguage: this.contentLanguage,
          dropTarget: dragging?.target,
          onOpen: (p) => {
            if (this.drag.justDropped) return;
            this.pageName = p.name;
            this.select({ kind: 'page', name: p.name });
          },
          onPress: (p, event) => this.drag.start({ kind: 'page', name: p.name }, event),
          onKey: this.onPageKey,
          onAdd: () => this.addPage(),
        })}
        ${page
          ? renderCanvas({
              questionnaire,
              page,
              lang,
              contentLanguage: this.contentLanguage,
              selection: this.selection,
              focusable,
              dropTarget: dragging?.target,
              dragged: dragging && dragging.source.kind !== 'new' ? dragging.source.name : undefined,
              nodes: this.nodes,
              catalog: this.catalog,
              types: this.types,
              onSelect: (selection, event) => {
                event.stopPropagation();
                if (this.drag.justDropped) return;
                this.select(selection);
              },
              onKey: this.onCanvasKey,
              onHandlePress: this.onHandlePress,
              onAction: this.onCanvasAction,
              onAddSection: () => this.addSection(),
            })
          : nothing}
      </main>
      <aside class="side" aria-label=${t('sidePanel', lang)}>
        <div class="side-tabs" role="tablist" aria-label=${t('sidePanel', lang)}>
          ${(['properties', 'logic'] as const).map(
            (tab) => html`<button
              type="button"
              role="tab"
              id=${`side-${tab}`}
              aria-controls="side-panel"
              aria-selected=${this.sideTab === tab ? 'true' : 'false'}
              @click=${() => (this.sideTab = tab)}
            >
              ${t(tab === 'properties' ? 'tabProperties' : 'tabLogic', lang)}
            </button>`,
          )}
        </div>
        <div id="side-panel" role="tabpanel" aria-labelledby=${`side-${this.sideTab}`}>
          ${this.sideTab === 'properties'
            ? html`<sipas-designer-properties
                .questionnaire=${questionnaire}
                .selection=${this.selection}
                .editLanguage=${this.contentLanguage}
                .catalog=${this.catalog}
                .types=${this.types}
                lang=${lang}
              ></sipas-designer-properties>`
            : html`<sipas-designer-logic .questionnaire=${questionnaire} .selection=${this.selection} lang=${lang}></sipas-designer-logic>`}
        </div>
      </aside>
    </div>`;
  }

  private renderConfirm() {
    const request = this.confirmRequest;
    return html`<dialog class="confirm" aria-labelledby="confirm-text" @cancel=${(event: Event) => {
      event.preventDefault();
      request?.resolve(false);
    }}>
      <p id="confirm-text">${request?.text ?? ''}</p>
      <div class="dialog-buttons">
        <button type="button" class="confirm-yes primary" @click=${() => request?.resolve(true)}>${t('confirm', this.lang)}</button>
        <button type="button" class="confirm-no" @click=${() => request?.resolve(false)} autofocus>${t('cancel', this.lang)}</button>
      </div>
    </dialog>`;
  }

  private renderGhost() {
    const dragging = this.drag.dragging;
    if (!dragging) return nothing;
    const { source } = dragging;
    const text = source.kind === 'new' ? inLanguage(this.catalog.get(source.type, this.types)?.label ?? { vi: source.type, en: source.type }, this.lang) : this.labelOf(source.name);
    return html`<div class="drag-ghost" aria-hidden="true" ${cssomStyle({ transform: `translate(${dragging.x + 12}px, ${dragging.y + 12}px)` })}>${text}</div>`;
  }
}

/** Every name inside an element (itself, its sections and questions). */
function elementNames(element: unknown): string[] {
  const item = element as { name: string; sections?: { name: string; questions: { name: string }[] }[]; questions?: { name: string }[] };
  return [
    item.name,
    ...(item.sections ?? []).flatMap((section) => [section.name, ...section.questions.map((q) => q.name)]),
    ...(item.questions ?? []).map((q) => q.name),
  ];
}

/**
 * Whether a key press lands in a text box whose typing is not yet a document edit (the JSON view,
 * a dialog, the toolbox search): there Ctrl+Z must undo the typing, as the browser does.
 */
function typesIntoOwnText(event: KeyboardEvent): boolean {
  const path = event.composedPath() as Element[];
  const box = path[0];
  if (!(box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement)) return false;
  return path.some((element) => element.localName === 'sipas-designer-json' || element.localName === 'dialog' || element.localName === 'sipas-designer-toolbox');
}

declare global {
  interface HTMLElementTagNameMap {
    'sipas-designer': SipasDesigner;
  }
  interface HTMLElementEventMap {
    [QUESTIONNAIRE_CHANGE]: CustomEvent<QuestionnaireChangeDetail>;
  }
}
