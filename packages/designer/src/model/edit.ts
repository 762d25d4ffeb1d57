/**
 * How the designer's parts change the document: a part never mutates the questionnaire it was
 * given; it describes the change as a pure function and dispatches it. The designer applies it,
 * records it for undo and autosaves (one place owns the document).
 */
import type { Questionnaire } from '@sipas/schema';

/** The element an edit or a click is about: pages, sections and questions share one namespace. */
export type ElementKind = 'questionnaire' | 'page' | 'section' | 'question';

export interface Selection {
  kind: ElementKind;
  /** The element's name; empty for the questionnaire itself. */
  name: string;
}

export const QUESTIONNAIRE_SELECTION: Selection = { kind: 'questionnaire', name: '' };

export interface DesignerEdit {
  /** What the edit does, in the designer's language, for the undo button and the screen reader. */
  label: string;
  /** The new document; must not mutate its argument (it is the undo state). */
  apply: (questionnaire: Questionnaire) => Questionnaire;
  /** The element to select afterwards, if the edit moves attention (an insert, a move). */
  select?: Selection;
  /**
   * Edits with the same key that follow each other within a short time become one undo step
   * (typing in a text field): for example `prop:/pages/0/sections/0/questions/3/title/vi`.
   */
  mergeKey?: string;
}

/** Parts ask for a change with this event (bubbles, composed). */
export const DESIGNER_EDIT = 'sipas-designer-edit';
/** Parts ask to select an element, optionally pointing at one of its properties (a JSON pointer). */
export const DESIGNER_SELECT = 'sipas-designer-select';

export interface DesignerSelectDetail {
  /** JSON pointer into the questionnaire (a design check's path, a translation row); the designer finds its element. */
  path: string;
}

/** Dispatches an edit request from a part. */
export function requestEdit(from: EventTarget, edit: DesignerEdit): void {
  from.dispatchEvent(new CustomEvent<DesignerEdit>(DESIGNER_EDIT, { detail: edit, bubbles: true, composed: true }));
}

/** Dispatches a request to select the element at a JSON pointer. */
export function requestSelect(from: EventTarget, path: string): void {
  from.dispatchEvent(new CustomEvent<DesignerSelectDetail>(DESIGNER_SELECT, { detail: { path }, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    [DESIGNER_EDIT]: CustomEvent<DesignerEdit>;
    [DESIGNER_SELECT]: CustomEvent<DesignerSelectDetail>;
  }
}
