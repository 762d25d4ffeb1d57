// `npm start`: check the standard questionnaires, simulate 2,000 respondents to SIPAS 2017–2020 and
// print their indices by unit; then serve the demo district site with the drop-in survey (see
// examples/README.md) until Ctrl+C. Uses the built packages (`npm install` builds them).
//
// `npm start -- --check` (CI): the same report, then the demo server on a free port, one request of
// each kind against it (site page, drop-in, questionnaire, a response sent twice), and exit.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleOutput, runCli } from '../packages/cli/dist/index.js';
import { seededRandom, simulateResponse } from '../packages/core/dist/index.js';
import { sipas2640 } from '../packages/templates/dist/index.js';
import { startDemoServer } from './demo-server.mjs';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 8080;
const checkOnly = process.argv.includes('--check');

const templates = 'packages/templates/questionnaires';
const files = readdirSync(templates).filter((f) => f.endsWith('.json')).map((f) => `${templates}/${f}`);
const step = async (title, argv) => {
  consoleOutput.log(`\n== ${title}\n$ sipas ${argv.join(' ')}`);
  const code = await runCli(argv, consoleOutput);
  if (code === 2) process.exit(code);
  return code;
};

mkdirSync('.data', { recursive: true });
await step('Kiểm tra các bảng hỏi chuẩn / Checking the standard questionnaires', ['validate', ...files]);
await step('Mô phỏng 2.000 người trả lời / Simulating 2,000 respondents', ['simulate', '--questionnaire', `${templates}/sipas-2640.json`, '--count', '2000', '--seed', '2024', '--out', '.data/demo-sipas-2640.jsonl']);
await step('Chỉ số SIPAS theo đơn vị / SIPAS indices by unit', ['index', '--questionnaire', `${templates}/sipas-2640.json`, '--responses', '.data/demo-sipas-2640.jsonl', '--by', 'unit']);

if (checkOnly) await check();
else await serve();

/** Serves the demo on PORT (8080 by default, any free port when that one is taken) until Ctrl+C. */
async function serve() {
  const wanted = Number(process.env.PORT ?? DEFAULT_PORT);
  let server;
  try {
    server = await startDemoServer({ port: wanted, host: HOST });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    server = await startDemoServer({ port: 0, host: HOST });
    consoleOutput.log(`\nCổng ${wanted} đang bận, dùng cổng ${server.port} / Port ${wanted} is taken, using ${server.port}`);
  }
  const { url } = server;
  consoleOutput.log(`
== Trang minh họa / Demo site
  Cổng thông tin huyện (khảo sát SIPAS 2640) / District portal (SIPAS 2640 survey):  ${url}/
  Đánh giá nhanh tại quầy / Quick counter rating (counter-3):                        ${url}/demo/counter.html
  Máy tính bảng tại quầy / Kiosk tablet:                ${url}/kiosk/?unit=ex-p1-d1&counter=Q3&officer=CB-07
  Nhập phiếu giấy / Paper form data entry:              ${url}/data-entry/
  In phiếu giấy / Print a paper questionnaire:          ${url}/print/
  API nhận phiếu / Response API:  POST ${url}/api/v1/responses   GET ${url}/api/v1/questionnaires/sipas-2640
  Phiếu nhận được ghi vào / Responses are appended to:  ${server.dataFile}
Nhấn Ctrl+C để dừng / Press Ctrl+C to stop.`);
  if (!existsSync('packages/form/dist/sipas-form.bundle.js')) consoleOutput.log('\nChưa có packages/form/dist/sipas-form.bundle.js: chạy `npm run build` / The drop-in is not built: run `npm run build`');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    consoleOutput.log('\nĐang dừng / Stopping…');
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** One request of each kind against a demo server on a free port; exits 0 with one OK line, or 1 saying what failed. */
async function check() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sipas-demo-check-'));
  let server;
  try {
    server = await startDemoServer({ port: 0, host: HOST, dataDir });
    const { url } = server;

    const page = await get(`${url}/`);
    expect(page.headers.get('content-security-policy') === "default-src 'self'", `the site page's Content-Security-Policy is ${JSON.stringify(page.headers.get('content-security-policy'))}, expected "default-src 'self'"`);
    expect(page.headers.get('x-content-type-options') === 'nosniff', 'the site page lacks X-Content-Type-Options: nosniff');
    const html = await page.text();
    expect(html.includes('<script src="/sipas-form.bundle.js"></script>') && html.includes('<sipas-form '), 'the site page does not embed the drop-in');

    const bundle = await get(`${url}/sipas-form.bundle.js`, 'run `npm run build` first');
    const script = await bundle.text();
    expect(script.includes('sipas-form'), 'sipas-form.bundle.js does not define <sipas-form>');

    const questionnaire = await (await get(`${url}/q/sipas-2640.json`)).json();
    expect(questionnaire.id === 'sipas-2640', `/q/sipas-2640.json has id ${JSON.stringify(questionnaire.id)}`);

    const response = simulateResponse(sipas2640, { random: seededRandom(Date.now() % 2 ** 31) });
    const post = () => fetch(`${url}/api/v1/responses`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(response) });
    const first = await post();
    const firstBody = await first.text();
    expect(first.status === 201, `POST /api/v1/responses answered ${first.status}, expected 201: ${firstBody.slice(0, 500)}`);
    const again = await post();
    const againBody = await again.text();
    expect(again.status === 200, `the repeated POST answered ${again.status}, expected 200: ${againBody.slice(0, 500)}`);
    expect(JSON.parse(againBody).receipt?.receivedAt === JSON.parse(firstBody).receipt?.receivedAt, 'the repeated POST got a different receipt');
    const stored = readFileSync(server.dataFile, 'utf8').split('\n').filter((line) => line.trim() !== '');
    expect(stored.length === 1 && JSON.parse(stored[0]).responseId === response.responseId, `${server.dataFile} holds ${stored.length} responses, expected the one sent`);

    consoleOutput.log(`\nOK: trang minh họa chạy được / demo works at ${url} — site page (CSP default-src 'self'), drop-in (${Math.round(script.length / 1024)} KB), questionnaire, response ${response.responseId} stored once (201, then 200 on repeat)`);
  } catch (error) {
    console.error(`\nnpm start -- --check: KHÔNG ĐẠT / FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function get(url, hint = '') {
  const reply = await fetch(url);
  expect(reply.ok, `GET ${url} answered ${reply.status}${hint ? ` (${hint})` : ''}`);
  return reply;
}

function expect(condition, failure) {
  if (!condition) throw new Error(failure);
}
