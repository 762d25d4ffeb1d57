/**
 * The designer's layout: top bar, view tabs, and the design view's three columns (toolbox, canvas,
 * property panel) that fold into two on narrow laptops and one on tablets in portrait.
 */
import { css } from 'lit';

export const designerStyles = css`
  :host {
    display: block;
    background: var(--_background);
    container-type: inline-size;
  }
  .designer {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    min-height: 100%;
  }
  /* The form's stylesheet (for the questions on the canvas) makes buttons big for citizens' thumbs;
     the designer's own controls are a staff tool's, compact. */
  .top-bar button,
  .views button,
  .side-tabs button,
  .page-nav button,
  .canvas-page > button,
  .action,
  dialog button {
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    border-width: 1px;
    font-weight: 500;
  }
  .page-tab {
    font-size: 0.875rem;
  }
  .top-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  .app-title {
    font-size: 1.125rem;
    margin: 0;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .language {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    font-size: 0.875rem;
  }
  .language select {
    width: auto;
  }
  .views,
  .side-tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    padding: 0 0.75rem;
  }
  .badge {
    font-size: 0.75rem;
    padding: 0 0.375rem;
    border-radius: 999px;
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .badge.error {
    color: var(--_error);
    border-color: var(--_error);
  }
  .view {
    padding: 0 0.75rem 0.75rem;
  }
  .notice {
    margin: 0 0.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_primary);
    border-radius: 6px;
    background: var(--_chosen);
  }
  .error-notice {
    border-color: var(--_error);
  }
  .design {
    display: grid;
    grid-template-columns: minmax(11rem, 14rem) minmax(0, 1fr) minmax(18rem, 24rem);
    gap: 0.75rem;
    align-items: start;
  }
  @container (max-width: 1100px) {
    .design {
      grid-template-columns: minmax(10rem, 12rem) minmax(0, 1fr);
    }
    .side {
      grid-column: 1 / -1;
    }
  }
  @container (max-width: 760px) {
    .design {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .toolbox,
  .side {
    position: sticky;
    top: 0.5rem;
    max-height: calc(100vh - 1rem);
    overflow: auto;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 8px;
  }
  .canvas {
    min-width: 0;
  }
  .page-nav {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
    margin-bottom: 0.5rem;
  }
  .page-nav ol {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .page-tab[aria-current='page'] {
    background: var(--_chosen);
    border-color: var(--_primary);
    font-weight: 600;
  }
  .page-tab.dropping {
    outline: 3px dashed var(--_primary);
  }
  .page-tab {
    position: relative;
    touch-action: none;
  }
  .page-tab.drop-before::before,
  .page-tab.drop-after::after {
    inset-inline: auto;
    inset-block: 0;
    width: 4px;
    height: auto;
  }
  .page-tab.drop-before::before {
    inset-inline-start: calc(-0.1875rem - 2px);
    top: 0;
  }
  .page-tab.drop-after::after {
    inset-inline-end: calc(-0.1875rem - 2px);
    bottom: 0;
  }
  .page-title {
    max-width: 12rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    display: inline-block;
    vertical-align: bottom;
  }
  .canvas-help {
    font-size: 0.8125rem;
    margin: 0 0 0.5rem;
  }
  .tree {
    display: grid;
    gap: 0.75rem;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_background);
  }
  .card.selected {
    border-color: var(--_primary);
    box-shadow: 0 0 0 2px var(--_primary);
  }
  .card.dragged {
    opacity: 0.45;
  }
  .card.section {
    padding: 0.5rem;
    background: var(--_surface);
  }
  .questions {
    display: grid;
    gap: 0.5rem;
    min-height: 3rem;
  }
  .card.question {
    padding: 0.25rem 0.5rem 0.5rem;
    cursor: pointer;
  }
  .card-bar {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2rem;
  }
  .section-title {
    font-weight: 600;
    flex: 1;
  }
  .name {
    font-family: ui-monospace, monospace;
    font-size: 0.8125rem;
    color: var(--_muted);
    flex: 1;
  }
  .handle {
    cursor: grab;
    touch-action: none;
    user-select: none;
    padding: 0 0.25rem;
    font-size: 1.125rem;
    color: var(--_muted);
  }
  .actions {
    display: flex;
    gap: 0.25rem;
  }
  .action {
    min-height: 1.75rem;
    padding: 0 0.5rem;
    display: inline-flex;
    align-items: center;
  }
  .action svg {
    fill: currentColor;
  }
  .preview {
    pointer-events: none;
  }
  .preview .question {
    margin: 0;
  }
  /* The drop indicator: a line in the gap before a card or at the end of a section, drawn
     without taking space, so the cards under the pointer do not move while it shows. */
  .card,
  .questions {
    position: relative;
  }
  .drop-before::before,
  .drop-after::after,
  .drop-end::after {
    content: '';
    position: absolute;
    inset-inline: 0;
    height: 4px;
    border-radius: 2px;
    background: var(--_primary);
    pointer-events: none;
  }
  .drop-before::before {
    top: calc(-0.25rem - 2px);
  }
  .drop-after::after {
    bottom: calc(-0.375rem - 2px);
  }
  .drop-end::after {
    bottom: -0.25rem;
  }
  .empty {
    margin: 0.5rem;
    font-size: 0.875rem;
  }
  .add {
    margin-top: 0.5rem;
  }
  .drag-ghost {
    position: fixed;
    left: 0;
    top: 0;
    z-index: 10;
    pointer-events: none;
    padding: 0.25rem 0.75rem;
    border-radius: 6px;
    background: var(--_primary);
    color: var(--_on-primary);
    box-shadow: 0 4px 12px rgb(0 0 0 / 25%);
    max-width: 20rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  dialog {
    max-width: min(32rem, 90vw);
  }
  .dialog-buttons {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
  }
`;
