/** Layout of the expression editor and the logic panel (palette and controls come from partStyles). */
import { css } from 'lit';

export const expressionEditorStyles = css`
  :host {
    display: block;
  }
  fieldset.editor {
    margin: 0;
    padding: 0.5rem 0.75rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 8px;
    display: grid;
    gap: 0.5rem;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .group {
    display: grid;
    gap: 0.375rem;
  }
  .group.nested {
    padding: 0.5rem;
    border-inline-start: 3px solid var(--_primary);
    background: var(--_surface);
    border-radius: 6px;
  }
  ol.items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.375rem;
  }
  .rule {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    align-items: center;
  }
  .rule select,
  .rule input:not([type='checkbox']) {
    width: auto;
    flex: 1 1 9rem;
    min-width: 0;
  }
  .rule select.operator {
    flex: 0 1 11rem;
  }
  fieldset.values {
    flex: 1 1 100%;
    margin: 0;
    padding: 0.25rem 0.5rem;
    border: 1px dashed var(--_border);
    border-radius: 6px;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
  }
  label.check {
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
  }
  select.join {
    width: auto;
    justify-self: start;
  }
  .group-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .raw {
    display: grid;
    gap: 0.25rem;
  }
  .raw label {
    font-weight: 600;
  }
  textarea {
    font-family: var(--sipas-font-mono, ui-monospace, 'Cascadia Mono', Consolas, monospace);
    resize: vertical;
  }
  .hint,
  .notes ul {
    margin: 0;
    font-size: 0.8125rem;
  }
  .notes ul {
    padding-inline-start: 1.25rem;
  }
  pre.excerpt {
    margin: 0;
    font-size: 0.8125rem;
    white-space: pre-wrap;
    color: var(--_error);
  }
`;

export const logicPanelStyles = css`
  :host {
    display: block;
  }
  section {
    display: grid;
    gap: 0.5rem;
    margin-block-end: 1rem;
  }
  h2 {
    font-size: 1rem;
    margin: 0;
  }
  ul.references {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.375rem;
  }
  ul.references button,
  table button {
    text-align: start;
    min-height: 2rem;
  }
  code {
    font-family: var(--sipas-font-mono, ui-monospace, 'Cascadia Mono', Consolas, monospace);
    font-size: 0.8125rem;
    overflow-wrap: anywhere;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    border-bottom: 1px solid var(--_border);
    padding: 0.375rem 0.5rem;
    text-align: start;
    vertical-align: top;
  }
  .kind {
    font-size: 0.75rem;
    color: var(--_muted);
  }
`;
