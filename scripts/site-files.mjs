// Which file of the repository each address of the demo site serves, and the headers it goes out
// with. Shared by the development demo server (demo-server.mjs, node:http) and the pages `npm start`
// adds to the real server (site-pages.mjs, Fastify), so both serve the same site the same way.
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES_DIR = join(ROOT, 'examples');
const SITE_DIR = join(EXAMPLES_DIR, 'district-site');
export const FORM_BUNDLE_DIR = join(ROOT, 'packages', 'form', 'dist');
const REPORT_BUNDLE_DIR = join(ROOT, 'packages', 'report', 'dist');
const DESIGNER_BUNDLE_DIR = join(ROOT, 'packages', 'designer', 'dist');
const CUSTOM_TYPES_DIR = join(EXAMPLES_DIR, 'custom-question-type');
const CUSTOM_TYPES_BUILD_DIR = join(CUSTOM_TYPES_DIR, 'dist');
const BUNDLE = 'sipas-form.bundle.js';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Every response: no MIME sniffing. HTML also gets the strict policy the drop-in must work under. */
export const BASE_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
export const HTML_HEADERS = { ...BASE_HEADERS, 'Content-Security-Policy': "default-src 'self'" };

/** Errors of reading a path that names no file (missing, a folder, a path through a file): a 404. */
export const NOT_A_FILE = new Set(['ENOENT', 'EISDIR', 'ENOTDIR', 'ENAMETOOLONG']);

/** The content type of a file the site may serve, or undefined for any other kind of file. */
export const contentTypeOf = (file) => CONTENT_TYPES[extname(file)];
/** Staff pages (dashboard, designer) must not be framed by another site (clickjacking a signed-in session). */
const STAFF_HTML_HEADERS = { ...HTML_HEADERS, 'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'" };
const STAFF_DIRS = [join(EXAMPLES_DIR, 'dashboard'), join(EXAMPLES_DIR, 'designer')];

export function headersFor(file) {
  if (!contentTypeOf(file)?.startsWith('text/html')) return BASE_HEADERS;
  return STAFF_DIRS.some((dir) => file.startsWith(dir + sep)) ? STAFF_HTML_HEADERS : HTML_HEADERS;
}

/**
 * The file behind a site path (`{ file, missing }`, `missing` being what to say when it does not
 * exist), or undefined when the path is not one of the site's. `bundleDir` overrides where the
 * drop-in and its add-ons are read from.
 */
export function siteFileFor(path, { bundleDir = FORM_BUNDLE_DIR } = {}) {
  if (path === '/' || path === '/demo' || path === '/demo/') return { file: join(SITE_DIR, 'index.html') };
  if (path.startsWith('/demo/')) return within(SITE_DIR, path.slice('/demo/'.length));
  // The drop-in and the add-ons it loads beside itself (sipas-form-entry.js, sipas-form-print.js).
  if (path === `/${BUNDLE}` || path === `/${BUNDLE}.map` || /^\/sipas-form-[a-z]+\.js(\.map)?$/.test(path)) {
    return { file: join(bundleDir, path.slice(1)), missing: `${path.slice(1)} is not built yet: run \`npm run build\`` };
  }
  if (/^\/sipas-report\.bundle\.js(\.map)?$/.test(path)) {
    return { file: join(REPORT_BUNDLE_DIR, path.slice(1)), missing: `${path.slice(1)} is not built yet: run \`npm run build\`` };
  }
  if (/^\/sipas-designer\.bundle\.js(\.map)?$/.test(path)) {
    return { file: join(DESIGNER_BUNDLE_DIR, path.slice(1)), missing: `${path.slice(1)} is not built yet: run \`npm run build\`` };
  }
  // The example question types' page scripts (sipas-faces.js, sipas-admin-unit.js), built beside the example.
  const typeScript = /^\/custom-types\/(sipas-[a-z][a-z0-9-]*\.js(?:\.map)?)$/.exec(path);
  if (typeScript) return { file: join(CUSTOM_TYPES_BUILD_DIR, typeScript[1]), missing: `${typeScript[1]} is not built yet: run \`npm run build\`` };
  const customTypes = /^\/custom-types(?:\/(.*))?$/.exec(path);
  if (customTypes) return within(CUSTOM_TYPES_DIR, customTypes[1] || 'index.html');
  // The other example pages: /kiosk/, /data-entry/, /print/, /dashboard/, /designer/, and what the staff pages share (/staff/).
  const example = /^\/(kiosk|data-entry|print|dashboard|designer|staff)(?:\/(.*))?$/.exec(path);
  if (example) return within(join(EXAMPLES_DIR, example[1]), example[2] || 'index.html');
  return undefined;
}

/** The file under `dir` that the (still encoded) `relative` path names; undefined when it would leave `dir`. */
function within(dir, relative) {
  let decoded;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = resolve(dir, decoded);
  return file.startsWith(dir + sep) ? { file } : undefined;
}
