/** What the kiosk session needs from <sipas-form>. */
import type { ReactiveControllerHost } from 'lit';

export interface KioskHost extends ReactiveControllerHost, HTMLElement {
  /** The current mode; the session acts only in `kiosk`. */
  readonly mode: string;
  /** Seconds without a touch or key before an unfinished response is cleared (kiosk; 0 turns it off). */
  readonly idleTimeout: number;
  /** Seconds the thank-you screen stays before the form resets for the next person. */
  readonly resetDelay: number;
  /** Whether the thank-you screen is shown. */
  readonly submitted: boolean;
  /** Whether any answer has been given to the response on screen. */
  readonly answered: boolean;
  /** Clears everything for the next person. */
  reset(): Promise<void>;
}
