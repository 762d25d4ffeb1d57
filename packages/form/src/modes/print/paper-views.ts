/**
 * The pieces of the paper form as Lit templates: masthead, instructions, parts, questions, tick
 * boxes, the likert grid and ruled lines. Plain functions of the paper model (paper-model.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BoxLayout, PaperAnswer, PaperBox, PaperForm, PaperPage, PaperQuestion, PaperSection } from './paper-model.js';
import { printWord, type PaperLanguage, type PrintWordKey } from './print-words.js';

/** An empty tick box, drawn with borders (printers drop background colours and images). */
const box = (): TemplateResult => html`<span class="box" aria-hidden="true"></span>`;
const markedBox = (): TemplateResult => html`<span class="box marked">✗</span>`;
/** A line to write on. */
const rule = (): TemplateResult => html`<span class="rule" aria-hidden="true"></span>`;

/** One of the sheet's sentences with templates where its {0}, {1}… are. */
function sentence(key: PrintWordKey, language: PaperLanguage, slots: TemplateResult[]): TemplateResult[] {
  return printWord(key, language)
    .split(/\{(\d)\}/)
    .map((part, index) => (index % 2 === 0 ? html`${part}` : (slots[Number(part)] ?? html``)));
}

export function renderMasthead(paper: PaperForm): TemplateResult {
  const { language } = paper;
  return html`<div class="masthead" part="masthead">
    <div class="survey">
      ${paper.agency ? html`<p class="agency">${paper.agency}</p>` : nothing}
      ${paper.period ? html`<p class="period">${paper.period}</p>` : nothing}
      <p class="template">${paper.template}</p>
    </div>
    <div class="staff-box" part="staff-box" role="group" aria-label=${printWord('staffBox', language)}>
      <p class="staff-title">${printWord('staffBox', language)}</p>
      <p class="field"><span>${printWord('serial', language)}:</span>${rule()}</p>
      <p class="field"><span>${printWord('enumerator', language)}:</span>${rule()}</p>
      <p class="field">
        <span>${printWord('sample', language)}:</span>
        <span class="option">${box()}${printWord('official', language)}</span>
        <span class="option">${box()}${printWord('reserve', language)}</span>
      </p>
    </div>
  </div>`;
}

export function renderInstructions(language: PaperLanguage): TemplateResult {
  return html`<div class="instructions" part="instructions">
    <p class="instructions-title">${printWord('instructionsTitle', language)}</p>
    <ul>
      <li>${sentence('instructionTick', language, [markedBox(), box()])}</li>
      <li>${printWord('instructionWrite', language)}</li>
      <li>${printWord('instructionSkip', language)}</li>
    </ul>
  </div>`;
}

export function renderPage(page: PaperPage, language: PaperLanguage): TemplateResult {
  return html`<section class="part" part="part" aria-label=${page.title ?? nothing}>
    ${page.title || page.description || page.instruction
      ? html`<div class="part-head">
          ${page.title ? html`<h3 class="part-title" part="part-title">${page.title}</h3>` : nothing}
          ${page.description ? html`<p class="description">${page.description}</p>` : nothing}
          ${page.instruction ? html`<p class="skip">(${page.instruction})</p>` : nothing}
        </div>`
      : nothing}
    ${page.sections.map((section) => renderSection(section, language))}
  </section>`;
}

function renderSection(section: PaperSection, language: PaperLanguage): TemplateResult {
  return html`<div class="section" part="section">
    ${section.title || section.description || section.instruction
      ? html`<div class="section-head">
          ${section.title ? html`<h4 class="section-title" part="section-title">${section.title}</h4>` : nothing}
          ${section.description ? html`<p class="description">${section.description}</p>` : nothing}
          ${section.instruction ? html`<p class="skip">(${section.instruction})</p>` : nothing}
        </div>`
      : nothing}
    ${section.questions.map((question) => renderQuestion(question, language))}
  </div>`;
}

function renderQuestion(question: PaperQuestion, language: PaperLanguage): TemplateResult {
  const { answer } = question;
  if (answer.kind === 'info') {
    return html`<div class="question info" part="question">
      ${question.title ? html`<p class="info-title">${question.title}</p>` : nothing}
      ${answer.text ? html`<p class="info-text">${answer.text}</p>` : nothing}
    </div>`;
  }
  return html`<div class=${`question ${answer.kind}`} part="question">
    <div class="question-head">
      <p class="question-title" part="question-title">
        ${question.number ? html`<span class="number">${question.number}.</span> ` : nothing}${question.title}
        ${question.hint ? html` <span class="hint">${question.hint}</span>` : nothing}
      </p>
      ${question.description ? html`<p class="description">${question.description}</p>` : nothing}
      ${question.instruction ? html`<p class="skip">(${question.instruction})</p>` : nothing}
    </div>
    ${renderAnswer(answer, language)}
  </div>`;
}

const layoutClass = (layout: BoxLayout): string => (layout === 'inline' ? 'inline' : `columns-${layout}`);

function renderBox(item: PaperBox): TemplateResult {
  if (item.heading) return html`<li class=${`group depth-${Math.min(item.depth, 3)}`}>${item.label}</li>`;
  return html`<li class=${`option depth-${Math.min(item.depth, 3)}`}>
    ${box()}<span class="label">${item.label}${item.note ? html` <span class="note">(${item.note})</span>` : nothing}</span>
  </li>`;
}

/**
 * A flat list, or a tree of units cut into branches that each stay in one column: the items with
 * children in a row and the leaves under the last of them (a province, its district, the district's
 * communes), so a column never starts with communes whose district is at the foot of the one before.
 */
function renderBoxes(boxes: PaperBox[]): TemplateResult[] {
  if (boxes.every((item) => item.depth === 0)) return boxes.map(renderBox);
  const hasChildren = (index: number): boolean => (boxes[index + 1]?.depth ?? -1) > boxes[index]!.depth;
  const branches: PaperBox[][] = [];
  boxes.forEach((item, index) => {
    if (branches.length === 0 || (hasChildren(index) && !hasChildren(index - 1))) branches.push([item]);
    else branches.at(-1)!.push(item);
  });
  return branches.map((branch) => html`<li class="branch"><ul>${branch.map(renderBox)}</ul></li>`);
}

function renderAnswer(answer: PaperAnswer, language: PaperLanguage): TemplateResult | typeof nothing {
  switch (answer.kind) {
    case 'boxes':
      return html`<ul class=${`boxes ${layoutClass(answer.layout)}`}>${renderBoxes(answer.boxes)}</ul>
        ${answer.other ? html`<p class="other">${box()}<span class="label">${answer.other}:</span>${rule()}</p>` : nothing}`;
    case 'grid':
      return renderGrid(answer, language);
    case 'lines':
      return html`<div class="lines">
        ${answer.label ? html`<p class="write-in"><span class="label">${answer.label}:</span>${rule()}</p>` : Array.from({ length: answer.count }, () => html`<p class="line">${rule()}</p>`)}
      </div>`;
    case 'date':
      return html`<p class="date">${printWord('date', language)}</p>`;
    default:
      return nothing;
  }
}

function renderGrid(grid: Extract<PaperAnswer, { kind: 'grid' }>, language: PaperLanguage): TemplateResult {
  const columns = grid.levels.length + (grid.codes ? 2 : 1);
  return html`<table class=${`grid levels-${Math.min(grid.levels.length, 8)}`} part="grid">
    <colgroup>
      ${grid.codes ? html`<col class="code-column" />` : nothing}
      <col class="statement-column" />
      ${grid.levels.map(() => html`<col class="level-column" />`)}
    </colgroup>
    <thead>
      <tr>
        ${grid.codes ? html`<th scope="col" class="code">${printWord('code', language)}</th>` : nothing}
        <th scope="col" class="statement">${printWord('criterion', language)}</th>
        ${grid.levels.map((level) => html`<th scope="col" class="level">${level}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${grid.lines.map((line) =>
        line.kind === 'note'
          ? html`<tr class="note-row"><td colspan=${columns} class="skip">(${line.text})</td></tr>`
          : html`<tr>
              ${grid.codes ? html`<td class="code">${line.code}</td>` : nothing}
              <th scope="row" class="statement">${line.label}${line.note ? html` <span class="skip">(${line.note})</span>` : nothing}</th>
              ${grid.levels.map(() => html`<td class="cell">${box()}</td>`)}
            </tr>`,
      )}
    </tbody>
  </table>`;
}
