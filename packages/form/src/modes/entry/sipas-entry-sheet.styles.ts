/**
 * The data-entry sheet: dense (one line per item, the whole questionnaire on one screen), high
 * contrast markers for blank and spoiled items, a clear focus ring. It reads the form's theme
 * through the same `--sipas-*` custom properties (the shared palette is theme-tokens.ts).
 */
import { css } from 'lit';

export const entrySheetStyles = css`
  :host {
    --_blank: var(--sipas-entry-color-blank, #5b4a00);
    --_blank-bg: var(--sipas-entry-color-blank-background, #fff4c2);
    --_spoiled: var(--sipas-entry-color-spoiled, #8a1c14);
    --_spoiled-bg: var(--sipas-entry-color-spoiled-background, #fde3e0);
    --_radius: var(--sipas-radius, 6px);
    display: block;
    color: var(--_text);
    font-size: 15px;
    line-height: 1.35;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_blank: var(--sipas-entry-color-blank, #ffe38a);
      --_blank-bg: var(--sipas-entry-color-blank-background, #3d3300);
      --_spoiled: var(--sipas-entry-color-spoiled, #ffb4ab);
      --_spoiled-bg: var(--sipas-entry-color-spoiled-background, #4a1410);
    }
  }
  * {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .sheet {
    display: grid;
    gap: 8px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    align-items: center;
    color: var(--_muted);
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    margin: 0;
  }
  .counts strong {
    color: var(--_text);
  }
  fieldset {
    margin: 0;
    padding: 6px 10px 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    font-weight: 600;
    padding: 0 4px;
  }
  .paper {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 18px;
    align-items: end;
    background: var(--_surface);
  }
  .field {
    display: grid;
    gap: 2px;
  }
  .field label {
    font-size: 13px;
    color: var(--_muted);
  }
  .double-entry {
    align-self: center;
    display: inline-flex;
    gap: 6px;
    align-items: center;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
  }
  input,
  select,
  textarea {
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 2px 6px;
    min-height: 30px;
  }
  .serial input {
    width: 10rem;
    font-size: 18px;
    font-weight: 600;
    letter-spacing: 0.04em;
  }
  .serial input[aria-invalid='true'] {
    border-color: var(--_error);
    outline: 2px solid var(--_error);
  }
  :focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 1px;
  }
  .alert:empty,
  .status:empty {
    display: none;
  }
  .alert {
    margin: 0;
    padding: 6px 10px;
    border-left: 4px solid var(--_error);
    background: var(--_spoiled-bg);
    color: var(--_text);
    font-weight: 600;
  }
  .status {
    margin: 0;
    color: var(--_muted);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .items {
    border-top: 1px solid var(--_border);
  }
  .question {
    border-bottom: 1px solid var(--_border);
    padding: 2px 0;
  }
  .question-head {
    display: grid;
    grid-template-columns: 3.2rem minmax(0, 1fr);
    gap: 0 6px;
    font-weight: 600;
    padding: 2px 0;
  }
  .item {
    display: grid;
    grid-template-columns: 3.2rem minmax(0, 1fr) 4.5rem minmax(6rem, 13rem) 7.5rem;
    gap: 0 6px;
    align-items: center;
    padding: 1px 0;
  }
  .item.row {
    font-weight: 400;
  }
  .item.long {
    grid-template-columns: 3.2rem minmax(0, 1fr) minmax(10rem, 26rem) 7.5rem;
  }
  .number {
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
    text-align: end;
  }
  .title {
    min-width: 0;
  }
  .row-code {
    font-weight: 600;
    margin-inline-end: 4px;
  }
  .hint {
    grid-column: 2 / -1;
    margin: 0;
    font-size: 13px;
    color: var(--_muted);
    font-weight: 400;
  }
  .code {
    width: 4.5rem;
    text-align: center;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .code.pending {
    border-style: dashed;
  }
  .code::placeholder {
    color: var(--_text);
    opacity: 1;
  }
  .text-input {
    width: 100%;
  }
  textarea.text-input {
    resize: vertical;
  }
  .value {
    font-weight: 600;
    min-width: 0;
  }
  .mark {
    white-space: nowrap;
    font-size: 13px;
    font-weight: 700;
    padding: 1px 6px;
    border-radius: 999px;
    justify-self: start;
  }
  .mark.blank {
    color: var(--_blank);
    background: var(--_blank-bg);
  }
  .mark.spoiled {
    color: var(--_spoiled);
    background: var(--_spoiled-bg);
  }
  .item.blank .code {
    background: var(--_blank-bg);
  }
  .item.spoiled .code {
    background: var(--_spoiled-bg);
    border-color: var(--_spoiled);
  }
  .item.disabled {
    opacity: 0.6;
  }
  .item:focus-within {
    background: var(--_chosen);
  }
  .error {
    grid-column: 2 / -1;
    margin: 0;
    color: var(--_error);
    font-weight: 600;
  }
  .combo {
    position: relative;
  }
  .listbox {
    position: absolute;
    z-index: 2;
    inset-inline-start: 0;
    top: 100%;
    min-width: 18rem;
    max-height: 16rem;
    overflow: auto;
    margin: 2px 0 0;
    padding: 2px;
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: 4px;
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.2);
  }
  .listbox li {
    padding: 2px 6px;
    border-radius: 3px;
  }
  .listbox li[aria-selected='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  button {
    min-height: 36px;
    padding: 4px 14px;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_background);
    color: var(--_primary);
    cursor: pointer;
  }
  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  button.link {
    border: none;
    min-height: 0;
    padding: 0;
    text-decoration: underline;
    background: none;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .differences {
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
    padding: 8px 10px;
    display: grid;
    gap: 6px;
  }
  .differences h2 {
    margin: 0;
    font-size: 17px;
  }
  .differences p {
    margin: 0;
  }
  .difference {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto;
    gap: 4px 12px;
    align-items: center;
  }
  .difference legend {
    font-weight: 400;
  }
  .difference label {
    display: inline-flex;
    gap: 4px;
    align-items: center;
  }
  .log {
    font-size: 14px;
  }
  .log h2,
  .keys summary {
    font-size: 15px;
    margin: 4px 0;
  }
  .log li {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 10px;
    padding: 1px 0;
  }
  .log .rejected {
    color: var(--_error);
    font-weight: 600;
  }
  .keys table {
    border-collapse: collapse;
    font-size: 14px;
  }
  .keys th,
  .keys td {
    text-align: start;
    padding: 2px 10px 2px 0;
    vertical-align: top;
  }
  kbd {
    font-family: inherit;
    font-weight: 700;
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    .mark,
    .item.blank .code,
    .item.spoiled .code {
      border: 1px solid CanvasText;
    }
    .listbox li[aria-selected='true'] {
      outline: 2px solid Highlight;
    }
  }
  @media (max-width: 40rem) {
    .item,
    .item.long {
      grid-template-columns: 2.6rem minmax(0, 1fr) 4.5rem;
    }
    .value,
    .mark {
      grid-column: 2 / -1;
    }
  }
`;
