/**
 * The paper form's look, on paper and on screen. Everything is black on white and drawn with
 * borders: browsers print without background colours and images unless asked, so boxes, lines and
 * grids are borders. On screen the sheet is an A4 page (210 mm wide, 15 mm margins) so lines wrap
 * where they will on paper; in print the page's own `@page` margins take over (`@page` rules inside
 * a shadow root are ignored, so the embedding page sets the paper size: examples/print/print.css).
 */
import { css } from 'lit';

export const printSheetStyles = css`
  :host {
    --_font: var(--sipas-print-font-family, 'Times New Roman', Tinos, 'Liberation Serif', 'DejaVu Serif', 'Noto Serif', serif);
    --_size: var(--sipas-print-font-size, 11pt);
    --_ink: #000;
    --_box: 3.6mm;
    display: block;
    color: var(--_ink);
    color-scheme: light;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .sheet {
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.35;
    color: var(--_ink);
    background: #fff;
    text-align: start;
  }
  @media screen {
    .sheet {
      max-width: 210mm;
      margin: 0 auto;
      padding: var(--sipas-print-sheet-padding, 15mm);
      border: var(--sipas-print-sheet-border, 1px solid #c5cad3);
      box-shadow: var(--sipas-print-sheet-shadow, 0 2px 10px rgb(0 0 0 / 15%));
    }
  }
  @media print {
    .sheet {
      /* A hair inside the page's edge: borders drawn on it would be clipped. */
      padding: 0 0.4mm;
      border: 0;
      box-shadow: none;
    }
  }
  p {
    margin: 0;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* Tick boxes and lines to write on. */
  .box {
    display: inline-block;
    flex: none;
    width: var(--_box);
    height: var(--_box);
    border: 0.8pt solid var(--_ink);
    vertical-align: -0.5mm;
    margin-inline-end: 1.5mm;
    font-size: 0.8em;
    line-height: calc(var(--_box) - 1.6pt);
    text-align: center;
    font-family: 'DejaVu Sans', 'Segoe UI Symbol', sans-serif;
  }
  .rule {
    display: inline-block;
    flex: 1 1 auto;
    min-width: 20mm;
    height: 1em;
    border-bottom: 0.6pt dotted var(--_ink);
  }

  /* Masthead: who runs the survey, and the box the enumerator fills in. */
  .masthead {
    display: grid;
    grid-template-columns: 1fr 70mm;
    gap: 6mm;
    align-items: start;
    margin-bottom: 4mm;
    break-inside: avoid;
  }
  .agency {
    font-weight: 700;
    text-transform: uppercase;
  }
  .template {
    font-size: 0.85em;
  }
  .staff-box {
    border: 0.8pt solid var(--_ink);
    padding: 2mm 3mm;
    font-size: 0.9em;
  }
  .staff-title {
    font-style: italic;
    margin-bottom: 1mm;
  }
  .field {
    display: flex;
    align-items: baseline;
    gap: 2mm;
    margin-top: 1.5mm;
  }
  .field .option {
    white-space: nowrap;
  }

  .instructions {
    border-top: 0.8pt solid var(--_ink);
    border-bottom: 0.8pt solid var(--_ink);
    padding: 2mm 0;
    margin-bottom: 4mm;
    font-size: 0.95em;
    break-inside: avoid;
  }
  .instructions-title {
    font-weight: 700;
  }
  .instructions li {
    margin-top: 1mm;
  }
  .instructions .box {
    margin-inline: 0.5mm;
  }

  /* Parts (the questionnaire's pages) and sections; headings stay with what follows them. */
  .part-head,
  .section-head,
  .question-head {
    break-after: avoid;
    break-inside: avoid;
  }
  .part-title {
    font-size: 1.1em;
    font-weight: 700;
    margin: 5mm 0 1mm;
    text-transform: uppercase;
  }
  .section-title {
    font-size: 1em;
    font-weight: 700;
    font-style: italic;
    margin: 3mm 0 1mm;
  }
  .description {
    font-style: italic;
    white-space: pre-line;
  }
  .skip {
    font-style: italic;
  }

  /* Questions never split across pages; a likert grid may, between its rows. */
  .question {
    margin-top: 3mm;
    break-inside: avoid;
  }
  .question.grid {
    break-inside: auto;
  }
  .question-title {
    font-weight: 700;
  }
  .question-title .hint {
    font-weight: 400;
    font-style: italic;
  }
  .info-title {
    font-weight: 700;
    text-align: center;
  }
  .info-text {
    white-space: pre-line;
    text-align: justify;
    margin-top: 1mm;
  }

  .boxes {
    margin-top: 1mm;
  }
  .boxes li {
    break-inside: avoid;
    padding: 0.6mm 0;
  }
  .boxes li.branch {
    padding: 0;
  }
  .boxes .option {
    display: flex;
    align-items: baseline;
  }
  .boxes .option .box {
    transform: translateY(0.6mm);
  }
  .boxes.inline {
    display: flex;
    flex-wrap: wrap;
    column-gap: 5mm;
  }
  .boxes.columns-2 {
    columns: 2;
    column-gap: 6mm;
  }
  .boxes.columns-3 {
    columns: 3;
    column-gap: 5mm;
  }
  .boxes.columns-4 {
    columns: 4;
    column-gap: 4mm;
  }
  .boxes .group {
    font-style: italic;
    break-after: avoid;
  }
  .depth-1 {
    margin-inline-start: 4mm;
  }
  .depth-2 {
    margin-inline-start: 8mm;
  }
  .depth-3 {
    margin-inline-start: 12mm;
  }
  .note {
    font-style: italic;
  }
  .other,
  .write-in {
    display: flex;
    align-items: baseline;
    gap: 1.5mm;
    margin-top: 0.6mm;
  }
  .other .box {
    margin-inline-end: 0;
    transform: translateY(0.6mm);
  }
  .lines .line {
    display: flex;
    height: 7.5mm;
    align-items: flex-end;
  }
  .lines .line .rule {
    height: auto;
  }
  .date {
    margin-top: 2mm;
  }

  /* The likert grid: a real table whose header repeats on each page it spans. */
  table.grid {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
    margin-top: 1.5mm;
    break-before: avoid;
  }
  thead {
    display: table-header-group;
  }
  tr {
    break-inside: avoid;
  }
  th,
  td {
    border: 0.6pt solid var(--_ink);
    padding: 1mm 1.2mm;
    vertical-align: middle;
  }
  thead th {
    font-weight: 700;
    font-size: 0.85em;
    text-align: center;
    vertical-align: bottom;
    hyphens: manual;
  }
  tbody th {
    font-weight: 400;
    text-align: start;
  }
  td.code {
    font-size: 0.9em;
    text-align: center;
  }
  td.cell {
    text-align: center;
  }
  td.cell .box {
    margin: 0;
  }
  .note-row td {
    font-size: 0.9em;
  }
  col.code-column {
    width: 13mm;
  }
  col.level-column {
    width: 14mm;
  }
  .levels-2 col.level-column,
  .levels-3 col.level-column {
    width: 22mm;
  }
  .levels-4 col.level-column {
    width: 18mm;
  }
  .levels-5 col.level-column {
    width: 16mm;
  }
  .levels-6 col.level-column {
    width: 15mm;
  }

  .thanks {
    break-before: avoid;
    margin-top: 6mm;
    text-align: center;
    font-style: italic;
    font-weight: 700;
    break-inside: avoid;
  }
`;
