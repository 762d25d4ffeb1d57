/**
 * The default theme: calm and readable on a cheap phone in daylight. Body text 16 px or more,
 * anything tappable at least 44 px high, visible focus, dark mode from the system setting, and
 * system colours in forced-colours (high contrast) mode. Sites theme it only through the
 * `--sipas-*` custom properties and `::part()`; the private `--_*` ones resolve them once.
 */
import { css } from 'lit';
import { themeTokens } from './theme-tokens.js';

export const formStyles = [
  themeTokens,
  css`
  :host {
    --_radius: var(--sipas-radius, 8px);
    --_space: var(--sipas-space-m, 16px);
    --_touch: var(--sipas-touch-target, 44px);
    display: block;
    background: var(--_background);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  /* Inherited text properties are set here, not on :host: a portal's global rules (often with
     !important) reach the host element, and everything inside would inherit them. */
  .form {
    color: var(--_text);
    font-family: var(--sipas-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif);
    font-size: max(16px, var(--sipas-font-size, 16px));
    font-style: normal;
    font-weight: 400;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    white-space: normal;
    max-width: 60rem;
    margin: 0 auto;
    padding: var(--_space);
  }
  h2,
  h3,
  h4 {
    line-height: 1.3;
    margin: 0 0 calc(var(--_space) / 2);
  }
  h2 {
    font-size: 1.375em;
  }
  h3 {
    font-size: 1.2em;
  }
  h4 {
    font-size: 1.05em;
    margin-top: var(--_space);
  }
  .description,
  .info-text {
    color: var(--_muted);
    margin: 0 0 calc(var(--_space) / 2);
    white-space: pre-line;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    gap: 4px var(--_space);
    align-items: center;
    color: var(--_muted);
    font-size: 0.9375em;
    margin-bottom: var(--_space);
  }
  .progress label {
    display: flex;
    flex: 1 1 14rem;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
  progress {
    flex: 1;
    height: 8px;
    accent-color: var(--_primary);
  }
  .notice,
  .error-summary,
  .load-failed,
  .thank-you {
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-bottom: var(--_space);
    background: var(--_surface);
  }
  .error-summary,
  .load-failed,
  .rejected {
    border: 2px solid var(--_error);
  }
  .error-summary p,
  .rejected p {
    font-weight: 600;
    margin: 0;
  }
  a {
    color: var(--_primary);
  }
  .question {
    margin: 0 0 var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
    border: 1px solid transparent;
  }
  .question.invalid {
    border-color: var(--_error);
  }
  .title {
    display: block;
    font-weight: 600;
    margin-bottom: calc(var(--_space) / 2);
  }
  .required-marker,
  .errors {
    color: var(--_error);
  }
  .errors p {
    margin: calc(var(--_space) / 2) 0 0;
    font-weight: 600;
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  input[type='date'],
  select,
  textarea {
    display: block;
    width: 100%;
    min-height: var(--_touch);
    padding: 8px 12px;
    font: inherit;
    color: inherit;
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .other-text {
    margin-top: calc(var(--_space) / 2);
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  /* Separate rules: a browser without :has() drops a whole rule that contains it. */
  :focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
  .choice:has(input:focus-visible) {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
  @supports not selector(:has(*)) {
    .choice input:focus-visible + .choice-label {
      outline: 3px solid var(--_primary);
      outline-offset: 6px;
    }
  }
  .choice input:checked + .choice-label {
    font-weight: 600;
  }
  /* Column counts come as data attributes: a strict CSP refuses inline style attributes. */
  .choices {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 8px;
  }
  .choices[data-columns='2'] {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  .choices[data-columns='3'] {
    grid-template-columns: repeat(3, minmax(0, 1fr));
  }
  .choices[data-columns='4'],
  .choices[data-columns='5'],
  .choices[data-columns='6'] {
    grid-template-columns: repeat(4, minmax(0, 1fr));
  }
  .choices.inline,
  .rating {
    grid-template-columns: repeat(auto-fit, minmax(7rem, 1fr));
  }
  @media (max-width: 36rem) {
    .choices {
      grid-template-columns: 1fr;
    }
  }
  .choice {
    position: relative;
    display: flex;
    align-items: center;
    gap: 12px;
    min-height: var(--_touch);
    padding: 8px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--_primary);
    background: var(--_chosen);
    box-shadow: inset 0 0 0 1px var(--_primary);
  }
  .choice:has(input:disabled) {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .choice input {
    width: 22px;
    height: 22px;
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .rating .choice {
    flex-direction: column;
    justify-content: center;
    text-align: center;
    gap: 4px;
  }
  .rating .choice input {
    position: absolute;
    opacity: 0;
  }
  .rating .choice-label {
    display: flex;
    flex-direction: column;
    align-items: center;
  }
  .badge {
    font-size: 1.5em;
    font-weight: 700;
    line-height: 1.2;
  }
  .rating.faces .badge {
    font-size: 2em;
  }
  .rating.stars .choice:has(input:checked) .badge {
    color: #b7791f;
  }
  .likert {
    container-type: inline-size;
  }
  .likert-head {
    display: none;
  }
  .likert-row {
    display: grid;
    gap: 8px;
    padding: calc(var(--_space) / 2) 0;
    border-top: 1px solid var(--_border);
  }
  .likert-row.unanswered .likert-row-title {
    color: var(--_error);
  }
  .likert-row-title {
    font-weight: 500;
  }
  .code {
    font-weight: 700;
  }
  /* Wide: a table, statements down and levels across; the level words move to the header row. */
  @container (min-width: 44rem) {
    /* Every row adds one equal column per level, so the rows and the header line up. */
    .likert-head,
    .likert-row {
      display: grid;
      grid-template-columns: minmax(12rem, 2.5fr);
      grid-auto-columns: minmax(4rem, 1fr);
      grid-auto-flow: column;
      align-items: center;
      gap: 4px;
    }
    .likert-head {
      font-size: 0.875em;
      color: var(--_muted);
      text-align: center;
      padding-bottom: 4px;
    }
    .likert .choice {
      justify-content: center;
      border-color: transparent;
      background: none;
      padding: 0;
    }
    .likert .choice-text {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
  .navigation {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: space-between;
    margin-top: var(--_space);
  }
  .navigation .primary {
    margin-inline-start: auto;
  }
  button {
    min-height: var(--_touch);
    min-width: var(--_touch);
    padding: 8px 24px;
    font: inherit;
    font-weight: 600;
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    cursor: pointer;
  }
  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button.secondary,
  button.link {
    background: var(--_background);
    color: var(--_primary);
  }
  button.link {
    border-color: transparent;
    text-decoration: underline;
    padding: 8px;
  }
  .queued {
    font-weight: 600;
  }
  .unsupported {
    color: var(--_error);
  }
  /* A shared tablet at the counter: bigger text and targets, read at arm's length, tapped in passing. */
  :host([mode='kiosk']) {
    --_touch: var(--sipas-touch-target, 64px);
  }
  :host([mode='kiosk']) .form {
    font-size: max(20px, var(--sipas-font-size, 20px));
    max-width: 72rem;
  }
  :host([mode='kiosk']) .rating .choice {
    min-height: 6rem;
  }
  :host([mode='kiosk']) .badge {
    font-size: 2em;
  }
  @media (prefers-contrast: more) {
    :host {
      --_border: var(--_text);
      --_muted: var(--_text);
    }
    .question,
    .choice {
      border-color: var(--_text);
    }
  }
  @media (forced-colors: active) {
    .question,
    .choice,
    .notice,
    .thank-you {
      border: 1px solid CanvasText;
    }
    .choice:has(input:checked) {
      outline: 3px solid Highlight;
    }
    .rating .choice input {
      position: static;
      opacity: 1;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .choice {
      transition: background-color 0.15s, border-color 0.15s;
    }
  }
`,
];
