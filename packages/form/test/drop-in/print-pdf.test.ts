/**
 * Print mode on paper: each standard template, opened on the demo's print page
 * (examples/print/, `<sipas-form mode="print">` under `Content-Security-Policy: default-src 'self'`),
 * printed to an A4 PDF by headless Chromium. The PDF's text must hold every question title and
 * every choice, scale level and likert row of the template (paper shows everything, whatever the
 * answers), in both languages; the page count must be the expected one and the same on a second
 * print; and nothing may break the CSP or throw. Needs the built drop-in and its print add-on
 * (`npm run build`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  asBuiltIn,
  flattenHierarchy,
  listQuestions,
  localize,
  noOpinionValue,
  resolveScale,
  type LocalizedString,
  type Questionnaire,
} from '@sipas/schema';
import { templates } from '@sipas/templates';
import { startDemoServer } from '../../../../scripts/demo-server.mjs';

type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;
type Language = 'vi' | 'en';

declare global {
  interface Window {
    __violations: string[];
  }
}

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const STEP_TIMEOUT_MS = 10_000;

/**
 * Pages each template prints to, per language. They were read off the PDFs when the layout was
 * made (A4, 15 mm side margins, 11 pt serif) and guard against layout regressions: a change that
 * makes a form longer or shorter (spacing, a question split over pages, a grid no longer a table)
 * changes the count, and whoever makes it looks at the PDFs and updates these numbers on purpose.
 * The fonts change the count too: the sheet asks for Times New Roman and its metric twins (Tinos,
 * Liberation Serif) and falls back to DejaVu Serif, the only serif on the CI image these were
 * counted on; install one of the others and re-count.
 */
const EXPECTED_PAGES: Record<string, Record<Language, number>> = {
  'sipas-2640': { vi: 5, en: 5 },
  'sipas-1001': { vi: 7, en: 7 },
  'counter-3': { vi: 1, en: 1 },
  'kiosk-quick': { vi: 1, en: 1 },
};

/** The engine's words for options a questionnaire leaves unnamed (core's ui-text). */
const DEFAULT_WORDS: Record<'other' | 'none' | 'noOpinion' | 'yes' | 'no', Record<Language, string>> = {
  other: { vi: 'Khác', en: 'Other' },
  none: { vi: 'Không có', en: 'None' },
  noOpinion: { vi: 'Không có ý kiến', en: 'No opinion' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
};

/**
 * Every text the paper form must print, taken from the questionnaire itself (not from the print
 * code): page, section and question titles, information text, choices with "other" and "none",
 * scale levels, yes/no labels, likert rows and the "no opinion" column, units and service fields.
 */
function expectedTexts(questionnaire: Questionnaire, language: Language): string[] {
  const texts: string[] = [];
  const add = (text: LocalizedString | undefined) => {
    if (text !== undefined) texts.push(localize(text, language));
  };
  for (const page of questionnaire.pages) {
    add(page.title);
    for (const section of page.sections) add(section.title);
  }
  for (const { question } of listQuestions(questionnaire)) {
    add(question.title);
    const builtIn = asBuiltIn(question);
    switch (builtIn?.type) {
      case 'info':
        add(builtIn.text);
        break;
      case 'single':
      case 'multiple':
      case 'dropdown':
        builtIn.choices?.forEach((choice) => add(choice.text));
        if (builtIn.other) add(typeof builtIn.other === 'object' ? builtIn.other.text : DEFAULT_WORDS.other[language]);
        if (builtIn.type === 'multiple' && builtIn.none) add(typeof builtIn.none === 'object' && builtIn.none.text ? builtIn.none.text : DEFAULT_WORDS.none[language]);
        if (builtIn.type === 'dropdown' && builtIn.choicesFrom) {
          const { list, level } = builtIn.choicesFrom;
          flattenHierarchy(questionnaire.sipas?.[list])
            .filter((item) => level === undefined || item.level === level)
            .forEach((item) => add(item.label));
        }
        break;
      case 'rating':
      case 'likert':
        resolveScale(questionnaire, builtIn.scale)?.levels.forEach((level) => add(level.text));
        if (builtIn.type === 'likert') {
          builtIn.rows.forEach((row) => add(row.text));
          if (noOpinionValue(builtIn) !== undefined) add(typeof builtIn.noOpinion === 'object' && builtIn.noOpinion.text ? builtIn.noOpinion.text : DEFAULT_WORDS.noOpinion[language]);
        }
        break;
      case 'boolean':
        add(builtIn.labelTrue ?? DEFAULT_WORDS.yes[language]);
        add(builtIn.labelFalse ?? DEFAULT_WORDS.no[language]);
        break;
      default:
        break;
    }
  }
  return [...new Set(texts)];
}

/**
 * Text as compared: NFC (Vietnamese letters as one code point each), no whitespace at all (a line
 * break anywhere in a text still matches) and lower case (part titles are printed in capitals).
 */
const comparable = (text: string): string => text.normalize('NFC').replace(/\s+/g, '').toLocaleLowerCase('vi');

/** The page numbers the print page puts in the bottom margin ("2 / 5"): not part of any text, and they can land between two halves of a paragraph. */
const PAGE_NUMBER = /^\s*\d+\s*\/\s*\d+\s*$/;

async function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
  const document = await getDocument({ data: pdf, disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    let text = '';
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      for (const item of content.items) {
        if ('str' in item && !PAGE_NUMBER.test(item.str)) text += item.str + (item.hasEOL ? '\n' : '');
      }
      text += '\n';
    }
    return { pages: document.numPages, text };
  } finally {
    await document.destroy();
  }
}

describe('print mode: every template on A4 paper (PDF)', () => {
  let browser: Browser;
  let dataDir: string;
  let server: DemoServer;

  before(async () => {
    for (const file of ['sipas-form.bundle.js', 'sipas-form-print.js']) assert.ok(existsSync(join(DIST, file)), `${file} is missing: run \`npm run build\` first`);
    dataDir = await mkdtemp(join(tmpdir(), 'sipas-print-'));
    server = await startDemoServer({ port: 0, dataDir });
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** The print page of a template, with the paper form shown and its fonts loaded; errors and CSP violations go to `problems`. */
  async function openPrintPage(template: string, language: Language, problems: string[]): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await page.evaluateOnNewDocument(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__violations.push(`${event.violatedDirective}: ${event.blockedURI}${event.sample ? ` "${event.sample}"` : ''}`);
      });
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`));
    page.on('console', (entry) => {
      if (entry.type() === 'error') problems.push(`console error: ${entry.text()}`);
    });
    const reply = await page.goto(`${server.url}/print/?q=${template}&lang=${language}`, { waitUntil: 'load' });
    assert.equal(reply?.headers()['content-security-policy'], "default-src 'self'");
    // The paper form, or the form saying why it cannot show one (then the test fails with its words).
    const shown = await page.waitForSelector('pierce/article.sheet, .load-failed');
    const failure = await shown!.evaluate((node) => (node.matches('.load-failed') ? node.textContent!.replace(/\s+/g, ' ').trim() : undefined));
    assert.equal(failure, undefined, `${template} (${language}) was not printed`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page;
  }

  for (const { id, questionnaire } of templates) {
    for (const language of ['vi', 'en'] as const) {
      it(`should print ${id} (${language}) with every question and choice, on ${EXPECTED_PAGES[id]?.[language]} stable pages`, async () => {
        const expectedPages = EXPECTED_PAGES[id]?.[language];
        assert.ok(expectedPages, `no expected page count for ${id} (${language}): print it, look at the PDF and add one`);
        const problems: string[] = [];
        const page = await openPrintPage(id, language, problems);
        try {
          // Print mode shows the header and the paper form only: no progress, navigation or delivery status.
          for (const part of ['progress', 'navigation', 'next-button', 'submit-button', 'delivery-status']) {
            assert.equal(await page.$(`pierce/[part~=${part}]`), null, `print mode shows the form's ${part}`);
          }
          const first = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
          const second = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));

          const printed = comparable(first.text);
          const missing = expectedTexts(questionnaire, language).filter((text) => !printed.includes(comparable(text)));
          assert.deepEqual(missing, [], `texts of ${id} (${language}) missing from the PDF`);
          assert.equal(first.pages, expectedPages, `${id} (${language}) printed on ${first.pages} pages`);
          assert.equal(second.pages, first.pages, 'a second print has another page count');
          assert.equal(second.text, first.text, 'a second print has other text');

          assert.deepEqual(await page.evaluate(() => window.__violations), [], 'Content-Security-Policy violations');
          assert.deepEqual(problems, [], 'page errors');
        } finally {
          await page.close();
        }
      });
    }
  }
});
