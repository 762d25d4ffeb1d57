/** Driving the site's pages in Chromium (puppeteer) as people do, for the whole-path tests. */
import type { Page } from 'puppeteer-core';

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
