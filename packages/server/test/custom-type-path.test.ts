/**
 * A question type registered inside a test goes the whole way (issue 9): the server process
 * defines its semantics; the pages get its element from one extra script tag, added to the site's
 * pages as a site would add it and served under their strict CSP. In the designer it shows in the toolbox,
 * is dropped onto the canvas with the mouse, configured in the property panel generated from its
 * schema fragment and answered in the preview; the published version is answered on the demo
 * site, the server checks the answer by the type's semantics, the analyst's export has the type's
 * own columns, and `toSurveyJS` maps it.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { coreTypes, defineQuestionType } from '@sipas/core';
import type { SipasServer } from '@sipas/server';
import { toSurveyJS } from '@sipas/surveyjs';
import type { Questionnaire } from '@sipas/schema';
import { scoreType } from './fixtures/score-type/definition.js';
import { ADMIN, createAccount, signIn } from './helpers/http.js';
import { openDraft, openSiteWithBrowser, signInOnPage, watchProblems, type SiteWithBrowser } from './helpers/staff-pages.js';

const TYPE = 'score-10';
const LABEL = 'Điểm giới thiệu (0–10)';
const inDesigner = (css: string) => `sipas-designer >>> ${css}`;
const TYPE_SCRIPT = '/test-types/score.js';

/** The type's page script: the fixture's browser entry bundled as a classic script, as an extension ships it. */
async function typeScript(): Promise<string> {
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL('./fixtures/score-type/browser.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    conditions: ['source', 'browser', 'production'],
    tsconfig: fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url)),
    logLevel: 'silent',
  });
  return bundled.outputFiles[0]!.text;
}

describe('a question type registered in a test, from the designer to the export', () => {
  let site: SiteWithBrowser;
  let server: SipasServer;
  let baseUrl: string;
  let browser: Browser;

  before(async () => {
    defineQuestionType(scoreType);
    const script = await typeScript();
    site = await openSiteWithBrowser((app) => app.app.get(TYPE_SCRIPT, (_request, reply) => reply.type('text/javascript; charset=utf-8').send(script)));
    ({ server, baseUrl, browser } = site);
  });
  after(async () => {
    await site?.close();
    coreTypes.remove(TYPE);
  });

  /**
   * A page of the site whose HTML gets `<script src>` of the type's script before its own scripts,
   * as a site adds it; everything else (headers, CSP included) is the server's own answer.
   */
  async function pageWithType(context: import('puppeteer-core').BrowserContext): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.resourceType() !== 'document') return void request.continue();
      void (async () => {
        const reply = await fetch(request.url());
        const headers = Object.fromEntries([...reply.headers].filter(([name]) => name !== 'content-length' && name !== 'content-encoding'));
        const body = (await reply.text()).replace('<script', `<script src="${TYPE_SCRIPT}"></script>\n<script`);
        await request.respond({ status: reply.status, headers, body });
      })();
    });
    return { page, problems: watchProblems(page) };
  }

  it('should design, publish, answer, check and export a question of the type', async () => {
    const admin = await signIn(baseUrl, ADMIN.username, ADMIN.password);
    await createAccount(admin, 'bien-tap', 'editor');
    const office = await browser.createBrowserContext();
    const { page: designer, problems: designerProblems } = await pageWithType(office);
    await signInOnPage(designer, `${baseUrl}/designer/`, 'bien-tap', 'bien-tap-password');
    await openDraft(designer, 'counter-3');

    // The toolbox offers the type under its own label; the mouse drags it below the last question.
    const entry = await designer.waitForSelector(inDesigner(`sipas-designer-toolbox >>> button[data-type="${TYPE}"]`));
    assert.ok(String(await entry!.evaluate((button) => button.textContent)).includes(LABEL), 'the toolbox shows the type\'s label');
    const target = (await designer.$(inDesigner('.card.question[data-name="attitude"]')))!;
    await drag(designer, entry!, target);
    const added = await designer.waitForFunction(
      (type) => {
        const document_ = (document.querySelector('sipas-designer') as HTMLElement & { questionnaire: Questionnaire }).questionnaire;
        return document_.pages.flatMap((p) => p.sections).flatMap((s) => s.questions).find((q) => q.type === type)?.name;
      },
      {},
      TYPE,
    );
    const name = String(await added.jsonValue());
    assert.equal(name, 'score1', 'named by the type\'s prefix');
    // The canvas draws it with the type's own element.
    await designer.waitForSelector(inDesigner(`.card.question[data-name="${name}"] test-score-question input[type=radio]`));

    // Configured in the panel generated from the fragment: scores start at 1.
    const lowest = (await designer.waitForSelector(inDesigner('sipas-designer-properties >>> select[data-path="/lowest"]'))) as ElementHandle<HTMLSelectElement>;
    await lowest.select('1');
    await designer.waitForFunction((n) => {
      const q = (document.querySelector('sipas-designer') as HTMLElement & { questionnaire: Questionnaire }).questionnaire;
      return (q.pages.flatMap((p) => p.sections).flatMap((s) => s.questions).find((x) => x.name === n) as { lowest?: number } | undefined)?.lowest === 1;
    }, {}, name);
    await designer.waitForFunction(
      (n) => (document.querySelector('sipas-designer')!.shadowRoot!.querySelector(`.card.question[data-name="${n}"] test-score-question input[type=radio]`) as HTMLInputElement | null)?.value === '1',
      {},
      name,
    );

    // Previewed and answered there, with the type's check: the preview's form runs the type.
    await (await designer.$(inDesigner('#tab-preview')))!.click();
    const option = await designer.waitForSelector(inDesigner(`sipas-form >>> test-score-question input[type=radio][value="10"]`));
    await option!.click();
    const previewForm = (await designer.$(inDesigner('sipas-form')))!;
    const previewed = await previewForm.evaluate((form, n) => (form as HTMLElement & { data: Record<string, unknown> }).data[n], name);
    assert.equal(previewed, 10);

    // Published from the designer: the server validates the questionnaire with the type registered.
    await (await designer.$(inDesigner('button.publish')))!.click();
    const publish = await designer.waitForSelector(inDesigner('sipas-publish-dialog >>> button.publish:not([disabled])'));
    await publish!.click();
    await designer.waitForSelector(inDesigner('sipas-publish-dialog >>> .published'), { timeout: 15_000 });
    assert.deepEqual(designerProblems, []);
    await office.close();

    // A citizen answers it on the district site, whose page loads the type's script too.
    const citizen = await browser.createBrowserContext();
    const { page, problems } = await pageWithType(citizen);
    await page.goto(`${baseUrl}/demo/counter.html`);
    await page.waitForSelector(`sipas-form >>> test-score-question input[type=radio][value="9"]`, { timeout: 15_000 });
    for (const question of ['overall', 'convenience', 'attitude']) {
      await (await page.$(`sipas-form >>> [name="sipas-${question}-input"]`))!.click();
    }
    await (await page.$('sipas-form >>> test-score-question input[type=radio][value="9"]'))!.click();
    await (await page.$('sipas-form >>> [part~="submit-button"]'))!.click();
    await page.waitForFunction(() => document.querySelector('sipas-form')?.shadowRoot?.textContent?.includes('Phiếu đã được gửi thành công'), { timeout: 15_000 });
    assert.deepEqual(problems, []);
    await citizen.close();

    const stored = await server.db.query<{ document: { answers: Record<string, unknown> } }>("select document from responses where questionnaire_id = 'counter-3'");
    assert.equal(stored.rows.length, 1);
    assert.equal(stored.rows[0]!.document.answers[name], 9);

    // The server checks answers by the type's semantics: below the configured lowest score is refused, located.
    const refused = await fetch(`${baseUrl}/api/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...stored.rows[0]!.document, responseId: crypto.randomUUID(), answers: { ...stored.rows[0]!.document.answers, [name]: 0 } }),
    });
    assert.equal(refused.status, 422);
    const problem = (await refused.json()) as { errors: { path: string; code: string }[] };
    assert.ok(problem.errors.some((error) => error.path === `/answers/${name}` && error.code === 'score-below-lowest'), JSON.stringify(problem));

    // The analyst's export has the type's own columns: the score and its group.
    const analyst = await createAccount(admin, 'phan-tich', 'analyst');
    const csv = await analyst.get<string>('/api/v1/questionnaires/counter-3/export/responses.csv');
    assert.equal(csv.status, 200);
    const [header, row] = String(csv.body).replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((line) => line.split(','));
    assert.equal(row![header!.indexOf(name)], '9');
    assert.equal(row![header!.indexOf(`${name}.group`)], 'promoter');

    // And SurveyJS gets the type's own element, carrying the question for the way back.
    const published = await fetch(`${baseUrl}/api/v1/questionnaires/counter-3`);
    const questionnaire = (await published.json()) as Questionnaire;
    type Element = { name?: string; type?: string; rateMin?: unknown; sipasQuestion?: { type?: string }; elements?: Element[] };
    const all = (elements: Element[]): Element[] => elements.flatMap((el) => [el, ...all(el.elements ?? [])]);
    const element = all(toSurveyJS(questionnaire).json.pages as Element[]).find((el) => el.name === name);
    assert.equal(element?.type, 'rating');
    assert.equal(element?.rateMin, 1);
    assert.equal(element?.sipasQuestion?.type, TYPE);
  });
});

/** Drags `from` to just above the bottom edge of `to` with the mouse, in steps, as a person does. */
async function drag(page: Page, from: ElementHandle, to: ElementHandle): Promise<void> {
  const start = await centre(from);
  await page.mouse.move(...start);
  await page.mouse.down();
  await page.mouse.move(start[0] + 8, start[1] + 8, { steps: 2 });
  await to.evaluate((node) => node.scrollIntoView({ block: 'center' }));
  const box = (await to.boundingBox())!;
  const end: [number, number] = [box.x + box.width / 2, box.y + box.height - 4];
  await page.mouse.move(end[0], end[1] - 20, { steps: 5 });
  await page.mouse.move(...end, { steps: 2 });
  await page.mouse.up();
}

async function centre(handle: ElementHandle): Promise<[number, number]> {
  await handle.evaluate((node) => node.scrollIntoView({ block: 'center' }));
  const box = (await handle.boundingBox())!;
  return [box.x + box.width / 2, box.y + box.height / 2];
}
