// `npm start`: check the standard questionnaires, simulate 2,000 respondents to SIPAS 2017–2020 and
// print their indices by unit; then start the SIPAS server with its embedded database (PGlite in
// .data/), publish the standard questionnaires on it, and serve the demo district site, the kiosk,
// data-entry and print pages, the designer and the staff dashboard from it until Ctrl+C (see examples/README.md).
// The example question types (examples/custom-question-type) are defined in this process first, so the
// server accepts, exports and counts the responses of their kiosk page (/custom-types/).
// Uses the built packages and examples (`npm install` builds them).
//
// `npm start -- --check` (CI): the same report, then the server on a free port with a throw-away
// database, one request of each kind against it, and exit.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleOutput, runCli } from '../packages/cli/dist/index.js';
import { createResponseId, seededRandom, simulateResponse } from '../packages/core/dist/index.js';
import { parseCsv } from '../packages/index/dist/index.js';
import { createServer, seedQuestionnaires, seedTemplates } from '../packages/server/dist/index.js';
import { sipas2640 } from '../packages/templates/dist/index.js';
import { sitePages } from './site-pages.mjs';

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

/** The example question types' server modules (built by `npm run build`) and the questionnaire using them. */
const EXAMPLE_TYPES_DIR = 'examples/custom-question-type';
/** Each builds <name>.type.js (servers) and sipas-<name>.js (pages), whose element is <sipas-name>. */
const EXAMPLE_TYPE_NAMES = ['faces', 'admin-unit'];
const exampleTypeModules = EXAMPLE_TYPE_NAMES.map((name) => `${EXAMPLE_TYPES_DIR}/dist/${name}.type.js`);
const exampleQuestionnaireFile = `${EXAMPLE_TYPES_DIR}/questionnaire.json`;

mkdirSync('.data', { recursive: true });
await step('Kiểm tra các bảng hỏi chuẩn / Checking the standard questionnaires', ['validate', ...files]);
await step('Mô phỏng 2.000 người trả lời / Simulating 2,000 respondents', ['simulate', '--questionnaire', `${templates}/sipas-2640.json`, '--count', '2000', '--seed', '2024', '--out', '.data/demo-sipas-2640.jsonl']);
await step('Chỉ số SIPAS theo đơn vị / SIPAS indices by unit', ['index', '--questionnaire', `${templates}/sipas-2640.json`, '--responses', '.data/demo-sipas-2640.jsonl', '--by', 'unit']);

// `--types` defines the types in this process's shared registries, where the server looks them up too.
const missingTypeModules = exampleTypeModules.filter((file) => !existsSync(file));
/** The example questionnaire, once checked against the types; undefined when it cannot be served. */
let exampleQuestionnaire;
if (missingTypeModules.length > 0) {
  consoleOutput.log(`\nChưa có ${missingTypeModules.join(', ')}: chạy \`npm run build\` / not built: run \`npm run build\``);
} else {
  const typesArgs = exampleTypeModules.flatMap((file) => ['--types', file]);
  const code = await step('Loại câu hỏi tự định nghĩa và phiếu ví dụ / Custom question types and their example questionnaire', [...typesArgs, 'validate', exampleQuestionnaireFile]);
  if (code === 0) exampleQuestionnaire = JSON.parse(readFileSync(exampleQuestionnaireFile, 'utf8'));
}

if (checkOnly) await check();
else await serve();

/**
 * The server with the site's pages, listening on `port`, or on any free port when `port` is taken
 * and `fallBack` says so. `onCreated` runs as soon as the server exists: a first start's admin
 * password is shown even if listening then fails.
 */
async function startSite(dataDir, port, { fallBack = false, onCreated = () => {} } = {}) {
  const server = await createServer({ dataDir });
  try {
    onCreated(server);
    await seedTemplates(server.db);
    if (exampleQuestionnaire) await seedQuestionnaires(server.db, [exampleQuestionnaire]);
    await server.app.register(sitePages, {});
    let url;
    try {
      url = await server.listen(port, HOST);
    } catch (error) {
      if (!fallBack || error?.code !== 'EADDRINUSE') throw error;
      url = await server.listen(0, HOST);
      consoleOutput.log(`\nCổng ${port} đang bận, dùng cổng ${new URL(url).port} / Port ${port} is taken, using ${new URL(url).port}`);
    }
    return { server, url };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** The first admin's credentials, shown once, on the start that created the account. */
function printAdmin(server) {
  if (server.initialAdmin) {
    consoleOutput.log(`
== Tài khoản quản trị đầu tiên (chỉ hiện một lần) / First admin account (shown only once)
  Tên đăng nhập / Username: ${server.initialAdmin.username}
  Mật khẩu / Password:      ${server.initialAdmin.password}
  Hãy đổi mật khẩu sau khi đăng nhập / Change it after signing in.`);
  } else {
    consoleOutput.log('\nTài khoản quản trị đã có từ lần chạy trước; quên mật khẩu: npx sipas reset-password admin / The admin account exists from an earlier start; forgotten password: npx sipas reset-password admin');
  }
}

/** Serves everything on PORT (8080 by default, any free port when that one is taken) until Ctrl+C. */
async function serve() {
  const wanted = Number(process.env.PORT ?? DEFAULT_PORT);
  const { server, url } = await startSite('.data', wanted, { fallBack: true, onCreated: printAdmin });
  consoleOutput.log(`
== Máy chủ SIPAS / The SIPAS server (${server.db.kind === 'postgres' ? 'PostgreSQL: DATABASE_URL' : 'PGlite: .data/'})
  Cổng thông tin huyện (khảo sát SIPAS 2640) / District portal (SIPAS 2640 survey):  ${url}/demo/
  Đánh giá nhanh tại quầy / Quick counter rating (counter-3):                        ${url}/demo/counter.html
  Máy tính bảng tại quầy / Kiosk tablet:                ${url}/kiosk/?unit=ex-p1-d1&counter=Q3&officer=CB-07
  Loại câu hỏi tự định nghĩa / Custom question types:   ${url}/custom-types/
  Nhập phiếu giấy / Paper form data entry:              ${url}/data-entry/
  In phiếu giấy / Print a paper questionnaire:          ${url}/print/
  Thiết kế phiếu (đăng nhập) / Designer (sign in):      ${url}/designer/
  Bảng điều khiển (đăng nhập) / Dashboard (sign in):    ${url}/dashboard/
  API: POST ${url}/api/v1/responses   GET ${url}/api/v1/questionnaires/sipas-2640
Nhấn Ctrl+C để dừng / Press Ctrl+C to stop.`);
  const exampleScripts = EXAMPLE_TYPE_NAMES.map((name) => `${EXAMPLE_TYPES_DIR}/dist/sipas-${name}.js`);
  for (const bundle of ['packages/form/dist/sipas-form.bundle.js', 'packages/report/dist/sipas-report.bundle.js', 'packages/designer/dist/sipas-designer.bundle.js', ...exampleScripts]) {
    if (!existsSync(bundle)) consoleOutput.log(`\nChưa có ${bundle}: chạy \`npm run build\` / ${bundle} is not built: run \`npm run build\``);
  }

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

/** One request of each kind against the server on a free port; exits 0 with one OK line, or 1 saying what failed. */
async function check() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sipas-start-check-'));
  let started;
  try {
    started = await startSite(dataDir, 0);
    const { server, url } = started;
    expect(server.initialAdmin !== undefined, 'a first start created no admin account');

    const page = await get(`${url}/demo/`);
    expect(page.headers.get('content-security-policy') === "default-src 'self'", `the site page's Content-Security-Policy is ${JSON.stringify(page.headers.get('content-security-policy'))}, expected "default-src 'self'"`);
    expect(page.headers.get('x-content-type-options') === 'nosniff', 'the site page lacks X-Content-Type-Options: nosniff');
    const html = await page.text();
    expect(html.includes('<script src="/sipas-form.bundle.js"></script>') && html.includes('<sipas-form '), 'the site page does not embed the drop-in');

    const bundle = await get(`${url}/sipas-form.bundle.js`, 'run `npm run build` first');
    const script = await bundle.text();
    expect(script.includes('sipas-form'), 'sipas-form.bundle.js does not define <sipas-form>');
    const dashboard = await (await get(`${url}/dashboard/`)).text();
    expect(dashboard.includes('<sipas-report'), 'the dashboard page does not hold <sipas-report>');
    await get(`${url}/sipas-report.bundle.js`, 'run `npm run build` first');
    const designerPage = await get(`${url}/designer/`);
    const designerHtml = await designerPage.text();
    expect(designerHtml.includes('<sipas-designer'), 'the designer page does not hold <sipas-designer>');
    expect(designerPage.headers.get('content-security-policy')?.includes("frame-ancestors 'none'"), 'the designer page may be framed by other sites');
    const designerBundle = await (await get(`${url}/sipas-designer.bundle.js`, 'run `npm run build` first')).text();
    expect(designerBundle.includes('sipas-designer'), 'sipas-designer.bundle.js does not define <sipas-designer>');

    const questionnaire = await (await get(`${url}/q/sipas-2640.json`)).json();
    expect(questionnaire.id === 'sipas-2640' && questionnaire.version === 1, `/q/sipas-2640.json is ${JSON.stringify(questionnaire.id)} version ${questionnaire.version}, expected sipas-2640 version 1`);

    const response = simulateResponse(sipas2640, { random: seededRandom(Date.now() % 2 ** 31) });
    const post = () => fetch(`${url}/api/v1/responses`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(response) });
    const first = await post();
    const firstBody = await first.text();
    expect(first.status === 201, `POST /api/v1/responses answered ${first.status}, expected 201: ${firstBody.slice(0, 500)}`);
    const again = await post();
    const againBody = await again.text();
    expect(again.status === 200, `the repeated POST answered ${again.status}, expected 200: ${againBody.slice(0, 500)}`);
    expect(JSON.parse(againBody).receipt?.receivedAt === JSON.parse(firstBody).receipt?.receivedAt, 'the repeated POST got a different receipt');

    const anonymous = await fetch(`${url}/api/v1/questionnaires/sipas-2640/report`);
    expect(anonymous.status === 401, `the report answered ${anonymous.status} to an anonymous request, expected 401`);
    const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(server.initialAdmin) });
    expect(login.ok, `signing in as the first admin answered ${login.status}`);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const progress = await fetch(`${url}/api/v1/questionnaires/sipas-2640/progress`, { headers: { Cookie: cookie } });
    const progressBody = await progress.json();
    expect(progress.ok && progressBody.total?.collected === 1, `the progress report says ${JSON.stringify(progressBody.total)}, expected 1 response collected`);

    await checkCustomTypes(url, designerHtml, cookie);

    consoleOutput.log(`\nOK: máy chủ chạy được / the server works at ${url} — site page (CSP default-src 'self'), drop-in (${Math.round(script.length / 1024)} KB), designer, dashboard, published questionnaire, response ${response.responseId} stored once (201, then 200 on repeat), report closed to anonymous requests and counting it for the admin; custom question types: page, scripts, a response checked, exported and counted`);
  } catch (error) {
    console.error(`\nnpm start -- --check: KHÔNG ĐẠT / FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await started?.server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The example question types on the running server: their kiosk page and scripts (also on the
 * designer page), and their questionnaire's responses checked by the types' semantics, exported in
 * the types' columns and counted in its index.
 */
async function checkCustomTypes(url, designerHtml, cookie) {
  const notReady = missingTypeModules.length > 0 ? `${missingTypeModules.join(', ')} not built: run \`npm run build\`` : `${exampleQuestionnaireFile} is not valid (see above)`;
  expect(exampleQuestionnaire !== undefined, `the custom question types example is not ready: ${notReady}`);
  const page = await get(`${url}/custom-types/`);
  expect(page.headers.get('content-security-policy') === "default-src 'self'", `the custom types page's Content-Security-Policy is ${JSON.stringify(page.headers.get('content-security-policy'))}`);
  const html = await page.text();
  expect(html.includes(`<sipas-form src="/q/${exampleQuestionnaire.id}.json"`), `the custom types page does not embed ${exampleQuestionnaire.id}`);
  for (const name of EXAMPLE_TYPE_NAMES) {
    const tag = `sipas-${name}`;
    const tagLine = `<script src="/custom-types/sipas-${name}.js"></script>`;
    expect(html.includes('<script src="/sipas-form.bundle.js"></script>') && html.includes(tagLine), `the custom types page does not load the drop-in and sipas-${name}.js`);
    expect(designerHtml.includes(tagLine), `the designer page does not load sipas-${name}.js`);
    const typeScript = await (await get(`${url}/custom-types/sipas-${name}.js`, 'run `npm run build` first')).text();
    expect(typeScript.includes(tag), `sipas-${name}.js does not define <${tag}>`);
  }

  const published = await (await get(`${url}/q/${exampleQuestionnaire.id}.json`)).json();
  expect(published.id === exampleQuestionnaire.id && published.version === 1, `/q/${exampleQuestionnaire.id}.json is version ${published.version}, expected 1`);
  const response = (answers) => ({
    formatVersion: '1.0',
    responseId: createResponseId(),
    questionnaire: { id: published.id, version: 1 },
    channel: 'kiosk',
    submittedAt: new Date().toISOString(),
    locale: 'vi',
    answers,
  });
  const post = (body) => fetch(`${url}/api/v1/responses`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const fourthFace = await post(response({ overall: 4 }));
  expect(fourthFace.status === 422, `a fourth face on a three-face question answered ${fourthFace.status}, expected 422`);
  const unknownUnit = await post(response({ overall: 2, residence: ['79', '00070'] }));
  expect(unknownUnit.status === 422, `a ward of Hanoi under Ho Chi Minh City answered ${unknownUnit.status}, expected 422`);
  // "Hài lòng" overall (satisfied), the saddest face for the attitude.
  const accepted = await post(response({ overall: 2, attitude: 1, residence: ['79', '26734'] }));
  expect(accepted.status === 201, `the custom types response answered ${accepted.status}, expected 201: ${(await accepted.text()).slice(0, 500)}`);

  const staff = { headers: { Cookie: cookie } };
  const exported = await fetch(`${url}/api/v1/questionnaires/${published.id}/export/responses.csv`, staff);
  expect(exported.ok, `the responses export answered ${exported.status}`);
  const [header, row] = parseCsv(await exported.text()).records.map((record) => record.cells);
  const cell = (column) => row?.[header.indexOf(column)];
  const cells = ['overall', 'attitude', 'residence.province', 'residence.commune'].map(cell);
  expect(JSON.stringify(cells) === JSON.stringify(['2', '1', '79', '26734']), `the responses export has ${JSON.stringify(cells)} in overall, attitude, residence.province, residence.commune; expected ["2","1","79","26734"]`);
  const report = await (await fetch(`${url}/api/v1/questionnaires/${published.id}/report`, staff)).json();
  const root = report.overall?.root;
  const attitude = root?.children?.find((child) => child.id === 'Q1');
  expect(root?.index === 100 && root.nValid === 1 && attitude?.index === 0, `the index of ${published.id} is ${root?.index} (n ${root?.nValid}) with Q1 ${attitude?.index}, expected 100 (n 1) with Q1 0`);
}

async function get(url, hint = '') {
  const reply = await fetch(url);
  expect(reply.ok, `GET ${url} answered ${reply.status}${hint ? ` (${hint})` : ''}`);
  return reply;
}

function expect(condition, failure) {
  if (!condition) throw new Error(failure);
}
