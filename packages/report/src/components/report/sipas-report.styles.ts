/**
 * The dashboard's stylesheet, inside its shadow root only (D5). It reads the same public
 * `--sipas-*` tokens as <sipas-form> (the report may not import @sipas/form, so the names and
 * fallbacks are repeated, not the module), plus `--sipas-color-chart-*` for the charts' series.
 * Body text 16 px or more; dark mode from the system; system colours in forced-colours mode;
 * printing lays the dashboard out for A4 paper without the filters.
 */
import { css } from 'lit';

/** The light palette: the default, and what paper always gets. */
const lightPalette = css`
  --_primary: var(--sipas-color-primary, #0b5cad);
  --_on-primary: var(--sipas-color-on-primary, #fff);
  --_text: var(--sipas-color-text, #1d232b);
  --_muted: var(--sipas-color-muted, #4a5563);
  --_background: var(--sipas-color-background, #fff);
  --_surface: var(--sipas-color-surface, #f4f6f9);
  --_border: var(--sipas-color-border, #8b96a5);
  --_error: var(--sipas-color-error, #b3261e);
  --_grid: var(--sipas-color-chart-grid, #d5dbe3);
  --_planned: var(--sipas-color-chart-planned, #dbe6f3);
  --_series-2: var(--sipas-color-chart-2, #c2570c);
  --_series-3: var(--sipas-color-chart-3, #2e7d32);
  --_series-4: var(--sipas-color-chart-4, #7b3fa0);
  --_series-5: var(--sipas-color-chart-5, #00838f);
  --_series-6: var(--sipas-color-chart-6, #8d6e00);
`;

const darkPalette = css`
  --_primary: var(--sipas-color-primary, #8cc2ff);
  --_on-primary: var(--sipas-color-on-primary, #06223f);
  --_text: var(--sipas-color-text, #e8ecf1);
  --_muted: var(--sipas-color-muted, #b5bfcc);
  --_background: var(--sipas-color-background, #15191f);
  --_surface: var(--sipas-color-surface, #20262e);
  --_border: var(--sipas-color-border, #7d8897);
  --_error: var(--sipas-color-error, #ffb4ab);
  --_grid: var(--sipas-color-chart-grid, #39424e);
  --_planned: var(--sipas-color-chart-planned, #2a3a4d);
  --_series-2: var(--sipas-color-chart-2, #ffb37a);
  --_series-3: var(--sipas-color-chart-3, #8fd694);
  --_series-4: var(--sipas-color-chart-4, #d7a8f0);
  --_series-5: var(--sipas-color-chart-5, #7fdbe4);
  --_series-6: var(--sipas-color-chart-6, #e8cf6a);
`;

export const reportStyles = css`
  :host {
    ${lightPalette}
    --_radius: var(--sipas-radius, 8px);
    --_space: var(--sipas-space-m, 16px);
    --_touch: var(--sipas-touch-target, 44px);
    display: block;
    background: var(--_background);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      ${darkPalette}
    }
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  /* Inherited text properties are set here, not on :host: a portal's global rules reach the host. */
  .report {
    color: var(--_text);
    background: var(--_background);
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
    max-width: 80rem;
    margin: 0 auto;
    padding: var(--_space);
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .report.printing {
    ${lightPalette}
  }
  h2,
  h3,
  h4 {
    line-height: 1.3;
    margin: 0;
  }
  h2 {
    font-size: 1.5em;
  }
  h3 {
    font-size: 1.25em;
    margin-bottom: calc(var(--_space) / 2);
  }
  h4 {
    font-size: 1em;
  }
  p {
    margin: 0;
  }
  .meta,
  .note {
    color: var(--_muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .swatches {
    display: none;
  }
  .swatches span {
    forced-color-adjust: none;
  }
  [data-swatch='text'] {
    color: var(--_text);
  }
  [data-swatch='muted'] {
    color: var(--_muted);
  }
  [data-swatch='grid'] {
    color: var(--_grid);
  }
  [data-swatch='background'] {
    color: var(--_background);
  }
  [data-swatch='primary'],
  [data-swatch='series-1'] {
    color: var(--_primary);
  }
  [data-swatch='on-primary'] {
    color: var(--_on-primary);
  }
  [data-swatch='planned'] {
    color: var(--_planned);
  }
  [data-swatch='planned-border'] {
    color: var(--_border);
  }
  [data-swatch='series-2'] {
    color: var(--_series-2);
  }
  [data-swatch='series-3'] {
    color: var(--_series-3);
  }
  [data-swatch='series-4'] {
    color: var(--_series-4);
  }
  [data-swatch='series-5'] {
    color: var(--_series-5);
  }
  [data-swatch='series-6'] {
    color: var(--_series-6);
  }

  /* --- filters --------------------------------------------------------------------------- */
  .filters {
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .filters legend {
    font-weight: 700;
    padding: 0 0.25em;
  }
  .filter-fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: var(--_space);
    align-items: end;
  }
  .filter-field {
    display: grid;
    gap: 0.25em;
  }
  .filter-field label {
    font-weight: 600;
  }
  input,
  select,
  button {
    font: inherit;
    color: inherit;
    min-height: var(--_touch);
    border-radius: calc(var(--_radius) / 2);
  }
  input,
  select {
    width: 100%;
    padding: 0.4em 0.6em;
    background: var(--_background);
    border: 1px solid var(--_border);
  }
  .filter-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin-top: var(--_space);
  }
  button {
    padding: 0.4em 1.2em;
    border: 2px solid var(--_primary);
    background: var(--_background);
    color: var(--_primary);
    font-weight: 600;
    cursor: pointer;
  }
  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  :focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
  .filter-error {
    color: var(--_error);
    font-weight: 600;
    margin-top: calc(var(--_space) / 2);
  }

  /* --- states ---------------------------------------------------------------------------- */
  .status:empty {
    display: none;
  }
  .status,
  .problem,
  .empty {
    padding: var(--_space);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  .problem {
    border: 2px solid var(--_error);
    display: grid;
    gap: calc(var(--_space) / 2);
    justify-items: start;
  }
  .problem-title {
    color: var(--_error);
    font-weight: 700;
  }

  /* --- index figures --------------------------------------------------------------------- */
  .figures {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
    gap: var(--_space);
  }
  .figure {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    display: grid;
    align-content: start;
    gap: 0.25em;
    break-inside: avoid;
  }
  .figure.overall {
    grid-column: 1 / -1;
    border: 2px solid var(--_primary);
  }
  .figure-code {
    color: var(--_muted);
    font-weight: 600;
  }
  .figure-value {
    font-size: 2.25em;
    font-weight: 700;
    line-height: 1.15;
    color: var(--_primary);
    font-variant-numeric: tabular-nums;
  }
  .figure.overall .figure-value {
    font-size: 3em;
  }
  .figure dl {
    margin: 0;
    color: var(--_muted);
  }
  .figure dl div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.4em;
  }
  .figure dt::after {
    content: ':';
  }
  .figure dd {
    margin: 0;
  }

  /* --- tables ---------------------------------------------------------------------------- */
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 700;
    font-size: 1.25em;
    padding-bottom: calc(var(--_space) / 2);
  }
  th,
  td {
    padding: 0.5em 0.6em;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    border-bottom: 2px solid var(--_text);
  }
  .number {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .group-row th,
  .group-row td {
    background: var(--_surface);
    font-weight: 700;
  }

  /* --- charts ---------------------------------------------------------------------------- */
  .chart-section {
    position: relative;
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .chart {
    position: relative;
    width: 100%;
    height: 20rem;
    break-inside: avoid;
  }
  .chart.bars {
    height: calc(var(--_rows, 5) * 2.5rem + 4rem);
  }
  .channels {
    margin: 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
  }

  @media (forced-colors: active) {
    .figure,
    .filters,
    .status,
    .problem,
    .empty {
      border: 1px solid CanvasText;
    }
    .figure-value {
      color: CanvasText;
    }
    button {
      border: 2px solid ButtonText;
    }
    [data-swatch='text'],
    [data-swatch='muted'],
    [data-swatch='planned-border'],
    [data-swatch='series-3'],
    [data-swatch='series-5'] {
      color: CanvasText;
    }
    [data-swatch='grid'] {
      color: GrayText;
    }
    [data-swatch='background'],
    [data-swatch='planned'] {
      color: Canvas;
    }
    [data-swatch='primary'],
    [data-swatch='series-1'],
    [data-swatch='series-4'] {
      color: Highlight;
    }
    [data-swatch='on-primary'] {
      color: HighlightText;
    }
    [data-swatch='series-2'],
    [data-swatch='series-6'] {
      color: LinkText;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 0.15s, color 0.15s;
    }
  }
  @media print {
    :host {
      ${lightPalette}
      background: #fff;
    }
    .report {
      max-width: none;
      padding: 0;
      gap: 8mm;
      font-size: 12pt;
    }
    .filters-form,
    .status,
    .problem button {
      display: none;
    }
    .figures {
      grid-template-columns: repeat(3, 1fr);
    }
    .chart-section,
    .figure,
    tr {
      break-inside: avoid;
    }
    h3,
    .group-row {
      break-after: avoid;
    }
    .chart,
    .chart.bars {
      height: auto;
    }
    /* chart.js sizes the canvas through its style; on paper it takes the full width of the page. */
    canvas {
      width: 100% !important;
      height: auto !important;
    }
    .table-wrap {
      overflow: visible;
    }
  }
`;
