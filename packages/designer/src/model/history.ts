/**
 * Undo and redo of the designer's edits. Documents are immutable snapshots (copy-on-write), so a
 * step is just the document before it; typing in one field within a moment is one step.
 */
import type { Questionnaire } from '@sipas/schema';

export interface HistoryStep {
  label: string;
  before: Questionnaire;
  after: Questionnaire;
  mergeKey?: string;
  at: number;
}

/** Edits with the same merge key closer together than this (ms) become one step. */
const MERGE_WINDOW = 1500;
/** Steps kept; older ones are forgotten (a long session must not hold every document). */
const LIMIT = 500;

export class EditHistory {
  private readonly done: HistoryStep[] = [];
  private readonly undone: HistoryStep[] = [];

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Records an applied edit (a no-op edit, where the document did not change, is not a step). */
  record(label: string, before: Questionnaire, after: Questionnaire, mergeKey?: string): void {
    if (before === after) return;
    const at = this.now();
    const last = this.done[this.done.length - 1];
    this.undone.length = 0;
    if (last && mergeKey !== undefined && last.mergeKey === mergeKey && at - last.at < MERGE_WINDOW) {
      last.after = after;
      last.at = at;
      return;
    }
    this.done.push({ label, before, after, mergeKey, at });
    if (this.done.length > LIMIT) this.done.shift();
  }

  /** Closes the current step, so the next edit with the same key starts a new one (focus left the field). */
  seal(): void {
    const last = this.done[this.done.length - 1];
    if (last) last.mergeKey = undefined;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** The label of what undo would take back. */
  get undoLabel(): string | undefined {
    return this.done[this.done.length - 1]?.label;
  }

  get redoLabel(): string | undefined {
    return this.undone[this.undone.length - 1]?.label;
  }

  /** Takes back the last step; returns it (its `before` is the document to show). */
  undo(): HistoryStep | undefined {
    const step = this.done.pop();
    if (step) this.undone.push({ ...step, mergeKey: undefined });
    return step;
  }

  /** Does again the last undone step; returns it (its `after` is the document to show). */
  redo(): HistoryStep | undefined {
    const step = this.undone.pop();
    if (step) this.done.push(step);
    return step;
  }

  /** Forgets everything (a different document was opened). */
  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }
}
