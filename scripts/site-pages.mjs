// The demo site's pages on the real server (`npm start`): the district portal, kiosk, data-entry,
// print and dashboard pages and the bundles they load, from the same files as the development demo
// server (site-files.mjs). `/q/<id>.json` is the published questionnaire, as the pages expect.
import { readFile } from 'node:fs/promises';
import { NOT_A_FILE, contentTypeOf, headersFor, siteFileFor } from './site-files.mjs';

/** @param {import('fastify').FastifyInstance} app @param {{ bundleDir?: string }} options */
export async function sitePages(app, options) {
  app.get('/q/:file', async (request, reply) => {
    const id = /^([a-z0-9-]+)\.json$/.exec(request.params.file)?.[1];
    if (!id) return reply.callNotFound();
    const published = await app.inject({ method: 'GET', url: `/api/v1/questionnaires/${id}` });
    return reply.code(published.statusCode).type('application/json; charset=utf-8').header('Cache-Control', 'no-cache').send(published.body);
  });

  app.get('/*', async (request, reply) => {
    const path = new URL(request.url, 'http://site').pathname;
    const site = path.startsWith('/api/') ? undefined : siteFileFor(path, options);
    const type = site && contentTypeOf(site.file);
    if (!site || !type) return reply.callNotFound();
    let body;
    try {
      body = await readFile(site.file);
    } catch (error) {
      if (!NOT_A_FILE.has(error?.code)) throw error;
      return reply.code(404).type('text/plain; charset=utf-8').send(site.missing ?? 'Không tìm thấy trang / Not found');
    }
    return reply.type(type).headers(headersFor(site.file)).send(body);
  });
}
