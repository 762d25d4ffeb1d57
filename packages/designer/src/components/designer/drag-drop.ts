/**
 * Drag and drop with pointer events (mouse, pen and touch alike): a press on a toolbox entry or a
 * drag handle becomes a drag once the pointer has moved a few pixels; while dragging, the host says
 * which drop target lies under the pointer and draws the indicator; release drops, Escape or a
 * cancelled pointer abandons. The host owns the document; this only tracks the gesture.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type DragSource = { kind: 'new'; type: string } | { kind: 'question'; name: string } | { kind: 'section'; name: string } | { kind: 'page'; name: string };

/**
 * Before the question at `index` of a section, before the section at `index` of a page, onto a
 * page (its end), or, for a page being dragged, before the page at `index` in the navigator.
 */
export type DropTarget =
  | { kind: 'question'; section: string; index: number }
  | { kind: 'section'; page: string; index: number }
  | { kind: 'page'; page: string }
  | { kind: 'page-order'; index: number };

export interface DragHost extends ReactiveControllerHost {
  /** The drop target under a point for this source, if any. */
  dropTargetAt(x: number, y: number, source: DragSource): DropTarget | undefined;
  /** Called when the drag starts (announce it). */
  dragStarted(source: DragSource): void;
  dropped(source: DragSource, target: DropTarget): void;
  dragCancelled(): void;
  /** After every drag, dropped or not. */
  dragEnded(): void;
}

/** How far (px) the pointer moves before a press becomes a drag, so clicks stay clicks. */
const DRAG_THRESHOLD = 5;
/** Clicks arriving this soon (ms) after a drop belong to the drag's release, not to a new action. */
const CLICK_AFTER_DROP = 400;

export class DragController implements ReactiveController {
  /** The drag under way: where the pointer is and what lies under it. */
  dragging: { source: DragSource; x: number; y: number; target: DropTarget | undefined } | undefined;
  private press: { source: DragSource; pointerId: number; x: number; y: number } | undefined;
  private droppedAt = -Infinity;

  constructor(private readonly host: DragHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** True just after a drop, when the release's click must not act again. */
  get justDropped(): boolean {
    return performance.now() - this.droppedAt < CLICK_AFTER_DROP;
  }

  /** A pointer went down on something draggable. */
  start(source: DragSource, event: PointerEvent): void {
    if (event.button !== 0 || this.press) return;
    this.press = { source, pointerId: event.pointerId, x: event.clientX, y: event.clientY };
    window.addEventListener('pointermove', this.onMove, true);
    window.addEventListener('pointerup', this.onUp, true);
    window.addEventListener('pointercancel', this.onCancel, true);
    window.addEventListener('keydown', this.onKey, true);
  }

  private readonly onMove = (event: PointerEvent): void => {
    const press = this.press;
    if (!press || event.pointerId !== press.pointerId) return;
    if (!this.dragging) {
      if (Math.hypot(event.clientX - press.x, event.clientY - press.y) < DRAG_THRESHOLD) return;
      this.dragging = { source: press.source, x: event.clientX, y: event.clientY, target: undefined };
      this.host.dragStarted(press.source);
    }
    event.preventDefault();
    const target = this.host.dropTargetAt(event.clientX, event.clientY, press.source);
    this.dragging = { ...this.dragging, x: event.clientX, y: event.clientY, target };
    this.host.requestUpdate();
  };

  private readonly onUp = (event: PointerEvent): void => {
    if (!this.press || event.pointerId !== this.press.pointerId) return;
    const drag = this.dragging;
    this.stop();
    if (!drag) return;
    this.droppedAt = performance.now();
    // The drop goes where the indicator was shown, which is what the person saw when letting go.
    const target = drag.target ?? this.host.dropTargetAt(event.clientX, event.clientY, drag.source);
    if (target) this.host.dropped(drag.source, target);
    else this.host.dragCancelled();
  };

  private readonly onCancel = (): void => {
    const wasDragging = this.dragging !== undefined;
    this.stop();
    if (wasDragging) this.host.dragCancelled();
  };

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.dragging) return;
    event.preventDefault();
    event.stopPropagation();
    this.onCancel();
  };

  private stop(): void {
    if (this.dragging) this.host.dragEnded();
    this.press = undefined;
    this.dragging = undefined;
    window.removeEventListener('pointermove', this.onMove, true);
    window.removeEventListener('pointerup', this.onUp, true);
    window.removeEventListener('pointercancel', this.onCancel, true);
    window.removeEventListener('keydown', this.onKey, true);
    this.host.requestUpdate();
  }
}
