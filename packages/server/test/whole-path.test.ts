/**
 * The whole path in a real browser, on the server `npm start` runs: an editor signs in to the
 * designer page, opens a questionnaire's draft from the server, changes its title and publishes
 * a new version; a citizen answers it on the demo site (the drop-in loads the published version
 * and posts to the server); an analyst signs in to the dashboard and sees that response counted
 * in the figures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { createServer, type SipasServer } from '@sipas/server';
import { sitePages } from '../../../scripts/site-pages.mjs';
import { ADMIN, createAccount, signIn } from './helpers/http.js';
import { openDraft, openSiteWithBrowser, signInOnPage, watchProblems, type SiteWithBrowser } from './helpers/staff-pages.js';
import { openTestDatabase, type TestDatabase } from './helpers/test-database.js';

const NEW_TITLE = 'Đánh giá nhanh tại quầy (phiên bản 2)';

describe('publishing, answering on the demo site and reading the dashboard', () => {
  let site: SiteWithBrowser;
  let server: SipasServer;
  let baseUrl: string;
  let browser: Browser;

  before(async () => {
    site = await openSiteWithBrowser();
    ({ server, baseUrl, browser } = site);
  });
  after(() => site?.close());

  it('should count a response given on the demo site in the dashboard of the version the editor published from the designer', async () => {
    // An editor publishes version 2 of the counter rating from the designer, with a new title.
    const admin = await signIn(baseUrl, ADMIN.username, ADMIN.password);
    await createAccount(admin, 'bien-tap', 'editor');
    await createAccount(admin, 'phan-tich', 'analyst');
    const office = await browser.createBrowserContext();
    const designer = await office.newPage();
    const designerProblems = watchProblems(designer);
    await signInOnPage(designer, `${baseUrl}/designer/`, 'bien-tap', 'bien-tap-password');
    await openDraft(designer, 'counter-3');
    // The questionnaire is selected after opening: its title is the property panel's title field.
    const title = await designer.waitForFunction(() =>
      document.querySelector('sipas-designer')?.shadowRoot?.querySelector('sipas-designer-properties')?.shadowRoot?.querySelector('[data-path="/title"]'),
    );
    await (title as import('puppeteer-core').ElementHandle<HTMLInputElement>).click({ count: 3 });
    await designer.keyboard.type(NEW_TITLE);
    const typed = await designer.evaluate(() => {
      const title = (document.querySelector('sipas-designer') as HTMLElement & { questionnaire: { title: unknown } }).questionnaire.title;
      return typeof title === 'string' ? title : (title as { vi: string }).vi;
    });
    assert.equal(typed, NEW_TITLE);
    const inDesigner = (css: string) => `sipas-designer >>> ${css}`;
    await designer.click(inDesigner('button.publish'));
    const publishButton = await designer.waitForSelector(inDesigner('sipas-publish-dialog >>> button.publish:not([disabled])'));
    await publishButton!.click();
    const published = await designer.waitForSelector(inDesigner('sipas-publish-dialog >>> .published'), { timeout: 15_000 });
    assert.match(String(await published!.evaluate((node) => node.textContent)), /phiên bản 2/);
    assert.deepEqual(designerProblems, []);
    await office.close();
    const versions = await admin.get('/api/v1/questionnaires/counter-3/versions');
    assert.equal(versions.body.versions.length, 2);

    // A citizen answers it on the district site.
    const citizen = await browser.createBrowserContext();
    const page = await citizen.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/demo/counter.html`);
    await waitForText(page, 'sipas-form', NEW_TITLE);
    for (const question of ['overall', 'convenience', 'attitude']) await clickFirstOption(page, question);
    await page.evaluate(() => (document.querySelector('sipas-form')!.shadowRoot!.querySelector('[part~="submit-button"]') as HTMLElement).click());
    await waitForText(page, 'sipas-form', 'Phiếu đã được gửi thành công');
    assert.deepEqual(problems, []);
    await citizen.close();
    const stored = await server.db.query<{ questionnaire_version: number }>("select questionnaire_version from responses where questionnaire_id = 'counter-3'");
    assert.deepEqual(stored.rows, [{ questionnaire_version: 2 }]);

    // An analyst signs in to the dashboard and reads the figures.
    const staff = await browser.createBrowserContext();
    const dashboard = await staff.newPage();
    const dashboardProblems = watchProblems(dashboard);
    await signInOnPage(dashboard, `${baseUrl}/dashboard/`, 'phan-tich', 'phan-tich-password');
    await dashboard.select('#questionnaire', 'counter-3');
    const overall = await dashboard
      .waitForFunction(
        () => {
          const root = document.querySelector('sipas-report')?.shadowRoot;
          const figure = root?.querySelector('[part~="overall"]');
          // The counter index is the mean of its three ratings: three valid answers from one response.
          return figure && figure.querySelector('.n-valid')?.textContent?.trim() === '3' ? figure.querySelector('[part~="figure-value"]')?.textContent : undefined;
        },
        { timeout: 15_000 },
      )
      .catch(async () => assert.fail(`the dashboard shows no overall figure with n_valid 3: ${await shadowText(dashboard, 'sipas-report')}`));
    // The first option of each rating is "Không hài lòng": no satisfied answer, an index of 0 (not "—").
    assert.equal(String(await overall.jsonValue()).replace(/\s+/g, ' ').trim(), '0,0 %'); // Intl puts a no-break space before %
    const exportLink = await dashboard.$eval('#export-responses-csv', (link) => (link as HTMLAnchorElement).href);
    const csv = await dashboard.evaluate(async (url) => (await fetch(url)).text(), exportLink);
    assert.equal(csv.trim().split(/\r?\n/).length, 2, 'the export holds a header and the one response');

    // Signing out leaves nothing of this account's figures for the next person at the computer.
    await dashboard.click('#sign-out');
    await dashboard.waitForSelector('#sign-in:not([hidden])');
    const leftOver = await dashboard.evaluate(() => {
      const report = document.querySelector('sipas-report')!;
      return { id: report.getAttribute('questionnaire-id'), text: report.shadowRoot?.textContent ?? '' };
    });
    assert.equal(leftOver.id, null);
    assert.doesNotMatch(leftOver.text, /0,0/);
    assert.deepEqual(dashboardProblems, []);
    await staff.close();
  });
});

const shadowText = (page: Page, selector: string) => page.evaluate((css) => document.querySelector(css)?.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 600) ?? '(nothing)', selector);

/** Waits for a text inside an element's shadow root; on time-out, says what the element shows instead. */
async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await page
    .waitForFunction((css, wanted) => document.querySelector(css)?.shadowRoot?.textContent?.includes(wanted), { timeout: 15_000 }, selector, text)
    .catch(async () => assert.fail(`${selector} never showed "${text}"; it shows: ${await shadowText(page, selector)}`));
}

describe('the site pages on the server', () => {
  let database: TestDatabase;
  let server: SipasServer;
  let baseUrl: string;
  before(async () => {
    database = await openTestDatabase();
    server = await createServer({ database: database.db, initialAdminPassword: ADMIN.password });
    await server.app.register(sitePages, {});
    baseUrl = await server.listen(0, '127.0.0.1');
  });
  after(async () => {
    await server?.close();
    await database?.close();
  });

  it('should answer paths that name no file 404, never 500', async () => {
    for (const path of ['/demo/index.html/x.html', '/demo/nothing.html', '/kiosk/../../package.json', `/demo/${'a'.repeat(300)}.html`]) {
      assert.equal((await fetch(`${baseUrl}${path}`)).status, 404, path);
    }
  });

  it('should serve the pages under the strict policy, and forbid framing the staff pages', async () => {
    assert.equal((await fetch(`${baseUrl}/demo/`)).headers.get('content-security-policy'), "default-src 'self'");
    assert.equal((await fetch(`${baseUrl}/dashboard/`)).headers.get('content-security-policy'), "default-src 'self'; frame-ancestors 'none'");
    assert.equal((await fetch(`${baseUrl}/designer/`)).headers.get('content-security-policy'), "default-src 'self'; frame-ancestors 'none'");
  });
});


/** Clicks the first option of a question of <sipas-form>, as a person would. */
async function clickFirstOption(page: Page, question: string): Promise<void> {
  const option = await page.evaluateHandle((name) => {
    const node = [...document.querySelector('sipas-form')!.shadowRoot!.querySelectorAll<HTMLElement & { name?: string }>('.page > section > *')].find((candidate) => candidate.name === name);
    return node?.querySelector('input[type=radio]') ?? null;
  }, question);
  const element = option.asElement();
  assert.ok(element, `question ${question} has no option on the page`);
  await (element as import('puppeteer-core').ElementHandle<Element>).click();
}
