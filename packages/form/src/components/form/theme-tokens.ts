/**
 * The palette every SIPAS element reads, resolved once from the public `--sipas-color-*` tokens,
 * with dark defaults from the system setting. Shared by the form and its staff sheets.
 */
import { css } from 'lit';

export const themeTokens = css`
  :host {
    --_primary: var(--sipas-color-primary, #0b5cad);
    --_on-primary: var(--sipas-color-on-primary, #fff);
    --_text: var(--sipas-color-text, #1d232b);
    --_muted: var(--sipas-color-muted, #4a5563);
    --_background: var(--sipas-color-background, #fff);
    --_surface: var(--sipas-color-surface, #f4f6f9);
    --_border: var(--sipas-color-border, #8b96a5);
    --_error: var(--sipas-color-error, #b3261e);
    --_chosen: var(--sipas-color-chosen, #e3eefb);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_primary: var(--sipas-color-primary, #8cc2ff);
      --_on-primary: var(--sipas-color-on-primary, #06223f);
      --_text: var(--sipas-color-text, #e8ecf1);
      --_muted: var(--sipas-color-muted, #b5bfcc);
      --_background: var(--sipas-color-background, #15191f);
      --_surface: var(--sipas-color-surface, #20262e);
      --_border: var(--sipas-color-border, #7d8897);
      --_error: var(--sipas-color-error, #ffb4ab);
      --_chosen: var(--sipas-color-chosen, #1d3a5c);
    }
  }
`;
