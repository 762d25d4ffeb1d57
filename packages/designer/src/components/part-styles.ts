/**
 * What every part of the designer shares in its shadow root: the SIPAS palette (the form's own
 * tokens, so a themed site themes both), form controls, buttons, focus rings and the screen-reader
 * only class. Each part adds its own layout on top.
 */
import { css } from 'lit';
import { themeTokens } from '@sipas/form';

export const partStyles = [
  themeTokens,
  css`
    :host {
      color: var(--_text);
      font-family: var(--sipas-font-family, system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
      font-size: 0.9375rem;
      line-height: 1.4;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    button,
    input,
    select,
    textarea {
      font: inherit;
      color: inherit;
    }
    button {
      min-height: 2.25rem;
      padding: 0.25rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: 6px;
      background: var(--_background);
      cursor: pointer;
    }
    button:hover:not(:disabled) {
      background: var(--_surface);
    }
    button.primary {
      background: var(--_primary);
      color: var(--_on-primary);
      border-color: var(--_primary);
    }
    button:disabled {
      opacity: 0.55;
      cursor: not-allowed;
    }
    button[aria-pressed='true'],
    button[aria-selected='true'] {
      background: var(--_chosen);
      border-color: var(--_primary);
    }
    input:not([type='checkbox']):not([type='radio']),
    select,
    textarea {
      min-height: 2.25rem;
      width: 100%;
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: 6px;
      background: var(--_background);
    }
    [aria-invalid='true'] {
      border-color: var(--_error) !important;
      outline: 1px solid var(--_error);
    }
    :focus-visible {
      outline: 3px solid var(--_primary);
      outline-offset: 2px;
    }
    dialog {
      border: 1px solid var(--_border);
      border-radius: 8px;
      color: var(--_text);
      background: var(--_background);
    }
    .error-text {
      color: var(--_error);
      margin: 0.25rem 0;
    }
    .muted {
      color: var(--_muted);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      padding: 0;
      margin: -1px;
      overflow: hidden;
      clip: rect(0, 0, 0, 0);
      white-space: nowrap;
      border: 0;
    }
  `,
];
