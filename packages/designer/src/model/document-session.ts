/**
 * One open document and its undo history: edits go in, the current document comes out. The
 * designer element wraps it with rendering, announcements and autosave; tests drive it directly.
 */
import type { Questionnaire } from '@sipas/schema';
import type { DesignerEdit } from './edit.js';
import { EditHistory, type HistoryStep } from './history.js';

export class DocumentSession {
  readonly history: EditHistory;

  constructor(
    public document: Questionnaire,
    now?: () => number,
  ) {
    this.history = new EditHistory(now);
  }

  /** Applies an edit; returns whether the document changed. A throwing edit leaves everything as it was. */
  apply(edit: DesignerEdit): boolean {
    const before = this.document;
    const after = edit.apply(before);
    if (after === before) return false;
    this.history.record(edit.label, before, after, edit.mergeKey);
    this.document = after;
    return true;
  }

  undo(): HistoryStep | undefined {
    const step = this.history.undo();
    if (step) this.document = step.before;
    return step;
  }

  redo(): HistoryStep | undefined {
    const step = this.history.redo();
    if (step) this.document = step.after;
    return step;
  }

  /** Opens another document with a fresh history. */
  reset(document: Questionnaire): void {
    this.document = document;
    this.history.clear();
  }
}
