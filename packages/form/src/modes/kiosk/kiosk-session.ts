/**
 * A shared tablet at the one-stop counter serves one person after another. After each
 * submission the thank-you screen stays a few seconds, then the form starts over; an unfinished
 * form left alone is cleared after an idle time, so the next person never sees the previous
 * one's answers.
 */
import type { ReactiveController } from 'lit';
import type { KioskHost } from './kiosk-host.js';

/** What counts as someone using the tablet (focus alone moves when the form itself resets). */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input'] as const;

export class KioskSession implements ReactiveController {
  private readonly host: KioskHost;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private resetTimer: ReturnType<typeof setTimeout> | undefined;
  /** Someone used the form since it last started: typed text not yet committed counts too. */
  private touched = false;

  constructor(host: KioskHost) {
    this.host = host;
    host.addController(this);
  }

  private get active(): boolean {
    return this.host.mode === 'kiosk';
  }

  hostConnected(): void {
    for (const type of ACTIVITY_EVENTS) this.host.addEventListener(type, this.handleActivity, { capture: true, passive: true });
    // The session may arrive after the first taps (it loads on demand): catch up with what it missed.
    this.hostUpdated();
    if (this.active && !this.host.submitted && this.host.answered) this.handleActivity();
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY_EVENTS) this.host.removeEventListener(type, this.handleActivity, { capture: true });
    this.stop();
  }

  /** After each render: the thank-you screen starts the countdown to the next person. */
  hostUpdated(): void {
    if (!this.active) return this.stop();
    if (this.host.submitted && this.resetTimer === undefined) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
      this.resetTimer = setTimeout(() => this.startOver(), this.host.resetDelay * 1000);
    } else if (!this.host.submitted && this.resetTimer !== undefined) {
      clearTimeout(this.resetTimer);
      this.resetTimer = undefined;
    }
  }

  private readonly handleActivity = (): void => {
    if (!this.active || this.host.submitted) return;
    this.touched = true;
    clearTimeout(this.idleTimer);
    const seconds = this.host.idleTimeout;
    this.idleTimer = seconds > 0 ? setTimeout(this.handleIdle, seconds * 1000) : undefined;
  };

  private readonly handleIdle = (): void => {
    this.idleTimer = undefined;
    if (this.active && !this.host.submitted && (this.touched || this.host.answered)) void this.startOver();
  };

  private async startOver(): Promise<void> {
    this.stop();
    this.touched = false;
    await this.host.reset();
  }

  private stop(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.resetTimer);
    this.idleTimer = undefined;
    this.resetTimer = undefined;
  }
}
