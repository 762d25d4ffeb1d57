/**
 * Saves the respondent's draft shortly after each answer, and at once when the page is hidden or
 * closed. On phones the last event a page reliably gets is `visibilitychange` to hidden (the user
 * switches apps or locks the screen), so that is where a half-typed answer must be kept too.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long answering may go unsaved while the page stays open. */
const DRAFT_DELAY_MS = 400;

export class DraftAutosave implements ReactiveController {
  private readonly save: () => void;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `save` writes the draft as it is now (or clears it when there is nothing to keep). */
  constructor(host: ReactiveControllerHost, save: () => void) {
    this.save = save;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.handleVisibility);
  }

  hostDisconnected(): void {
    removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.handleVisibility);
    this.flush();
  }

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.flush, DRAFT_DELAY_MS);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  readonly flush = (): void => {
    this.cancel();
    this.save();
  };

  private readonly handleVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flush();
  };
}
