/** Layout of the units and service fields view: levels on top, the tree beside the selected item, paste below. */
import { css } from 'lit';

export const hierarchyStyles = css`
  :host {
    display: block;
  }
  h2 {
    font-size: 1.125rem;
    margin: 0 0 0.5rem;
  }
  h3 {
    font-size: 1rem;
    margin: 1rem 0 0.5rem;
  }
  .switch {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin-block-end: 0.5rem;
  }
  .help {
    margin: 0 0 0.5rem;
    font-size: 0.8125rem;
  }
  .levels {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .level {
    display: grid;
    grid-template-columns: 5rem minmax(6rem, 1fr) minmax(8rem, 2fr) minmax(8rem, 2fr) auto;
    gap: 0.5rem;
    align-items: end;
  }
  .level label,
  .details label {
    display: grid;
    gap: 0.125rem;
    font-size: 0.8125rem;
  }
  .level .name {
    font-weight: 600;
    align-self: center;
  }
  .row-buttons,
  .actions {
    display: flex;
    gap: 0.25rem;
    flex-wrap: wrap;
  }
  .workspace {
    display: grid;
    grid-template-columns: minmax(14rem, 1fr) minmax(16rem, 1.2fr);
    gap: 1rem;
    align-items: start;
  }
  [role='tree'] {
    list-style: none;
    margin: 0;
    padding: 0.25rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
    max-block-size: 28rem;
    overflow: auto;
  }
  [role='treeitem'] {
    display: flex;
    gap: 0.375rem;
    align-items: baseline;
    padding-block: 0.25rem;
    padding-inline: calc(0.25rem + var(--depth, 0) * 1.25rem) 0.25rem;
    border-radius: 4px;
    cursor: pointer;
  }
  [role='treeitem'][aria-selected='true'] {
    background: var(--_chosen);
  }
  .toggle {
    inline-size: 1rem;
    flex: none;
    text-align: center;
  }
  .item-id {
    font-family: ui-monospace, monospace;
    font-size: 0.8125rem;
  }
  .badge {
    color: var(--_error);
    font-size: 0.8125rem;
  }
  .details {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
  }
  .details h3 {
    margin: 0;
  }
  .problems {
    margin: 0.5rem 0;
    padding-inline-start: 1.25rem;
  }
  .problems button {
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_error);
    text-decoration: underline;
    text-align: start;
  }
  .paste {
    display: grid;
    gap: 0.5rem;
  }
  .paste textarea {
    min-block-size: 7rem;
    font-family: ui-monospace, monospace;
  }
  .preview {
    list-style: none;
    margin: 0;
    padding: 0.5rem;
    border: 1px dashed var(--_border);
    border-radius: 6px;
  }
  .preview li {
    padding-inline-start: calc(var(--depth, 0) * 1.25rem);
  }
  dialog {
    max-inline-size: 32rem;
  }
  dialog .actions {
    justify-content: flex-end;
    margin-block-start: 1rem;
  }
  @media (max-width: 48rem) {
    .workspace,
    .level {
      grid-template-columns: 1fr;
    }
  }
`;
