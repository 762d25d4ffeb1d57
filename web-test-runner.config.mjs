// Browser tests in headless Chromium (Debian's /usr/bin/chromium in CI). Workspace packages are
// served from src/*.ts through the "source" export condition, so no build is needed first.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { collectorTestPlugin } from './scripts/collector-test-plugin.mjs';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const args = [
  '--no-sandbox', // CI runs as root
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking', // the machine has no network beyond the package registries
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-default-apps',
  // Test files run two at a time in two tabs; the one in the background must keep its timers,
  // animation frames and rendering at full speed.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/**
 * Every browser test runs under the strict Content-Security-Policy of agency portals: no
 * 'unsafe-eval', so any eval or new Function in the code under test throws.
 */
const STRICT_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; connect-src 'self' ws: http://127.0.0.1:*";
const strictCspHtml = (testFramework) => `<!doctype html>
<html lang="vi">
  <head><meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}"></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`;

export default {
  // The example question types (examples/custom-question-type/<name>/test/browser) run here too.
  // And the tutorial's (docs/extending.md, written to .tmp/tutorial by `npm run generate`).
  files: ['packages/*/test/browser/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'examples/custom-question-type/*/test/browser/**/*.test.ts', '.tmp/tutorial/*/test/browser/**/*.test.ts'],
  testRunnerHtml: strictCspHtml,
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }), collectorTestPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args },
      // Two test files run side by side. In two tabs of one window the background one gets no
      // frames (pointer input waits for a frame) and no focus; so each page gets its own window,
      // and is told it has the focus.
      createPage: async ({ context }) => {
        const mark = `about:blank#${Math.random().toString(36).slice(2)}`;
        const browser = context.browser();
        const session = await browser.target().createCDPSession();
        await session.send('Target.createTarget', { url: mark, newWindow: true, ...(context.id ? { browserContextId: context.id } : {}) });
        await session.detach();
        const target = await browser.waitForTarget((candidate) => candidate.url() === mark);
        const page = await target.page();
        const pageSession = await page.createCDPSession();
        await pageSession.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        return page;
      },
    }),
  ],
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  filterBrowserLogs: ({ args: logArgs }) => !String(logArgs[0]).includes('Lit is in dev mode'),
};
