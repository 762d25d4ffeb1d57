/** The site `npm start` serves, started for a test, and its pages driven in Chromium (puppeteer) as people do: for the whole-path tests. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createServer, seedTemplates, type SipasServer } from '@sipas/server';
import { sitePages } from '../../../../scripts/site-pages.mjs';
import { ADMIN } from './http.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';

/** Page errors and Content-Security-Policy violations: the pages run under `default-src 'self'`. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
  page.on('console', (entry) => {
    if (entry.type() === 'error' && /Content Security Policy|Refused to/.test(entry.text())) problems.push(entry.text());
  });
  return problems;
}

/** Signs in on a staff page (designer, dashboard) with its form, and waits for the workspace. */
export async function signInOnPage(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('#sign-in:not([hidden])');
  await page.type('#username', username);
  await page.type('#password', password);
  await page.click('#sign-in button[type=submit]');
  await page.waitForSelector('#workspace:not([hidden])');
}

/** Opens a questionnaire's draft from the server in the designer page. */
export async function openDraft(page: Page, id: string): Promise<void> {
  await page.select('#server-questionnaire', id);
  await page.click('#load-draft');
  await page.waitForFunction((wanted) => (document.querySelector('sipas-designer') as HTMLElement & { questionnaire: { id: string } }).questionnaire.id === wanted, {}, id);
}

/** The site `npm start` serves (standard questionnaires published, pages mounted) and a Chromium to visit it. */
export interface SiteWithBrowser {
  database: TestDatabase;
  server: SipasServer;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the site on a free port; `extend` adds routes before it listens. */
export async function openSiteWithBrowser(extend: (server: SipasServer) => void = () => {}): Promise<SiteWithBrowser> {
  const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  assert.ok(existsSync(chromium), `no Chromium at ${chromium}; set CHROME_PATH`);
  const database = await openTestDatabase();
  const server = await createServer({ database: database.db, initialAdminPassword: ADMIN.password });
  await seedTemplates(server.db);
  await server.app.register(sitePages, {});
  extend(server);
  const baseUrl = await server.listen(0, '127.0.0.1');
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  return {
    database,
    server,
    baseUrl,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      await database.close();
    },
  };
}
