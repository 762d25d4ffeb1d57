/**
 * The renderers compared: what each page loads (exactly the files a site would ship) and how a
 * SIPAS questionnaire is written for it. The peers are devDependencies of this workspace only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Questionnaire } from '@sipas/schema';
import { toSurveyJS } from '@sipas/surveyjs';
import { toFormio } from './to-formio.js';

export type RendererId = 'sipas' | 'surveyjs' | 'formio' | 'floor';

export interface Renderer {
  id: RendererId;
  label: string;
  version: string;
  /** Files the page loads, in order: URL path → file on disk. */
  styles: { url: string; file: string }[];
  scripts: { url: string; file: string }[];
  convert(questionnaire: Questionnaire): unknown;
}

export const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const repositoryDir = join(benchDir, '..');

/** A package folder: this workspace's own node_modules first (its pinned peers), then the root's. */
function packageDir(name: string): string {
  for (const base of [join(benchDir, 'node_modules'), join(repositoryDir, 'node_modules')]) {
    const dir = join(base, name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`${name} is not installed; run npm install`);
}
const versionOf = (name: string): string => (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
const vendor = (name: string, path: string) => ({ url: `/vendor/${name}/${path}`, file: join(packageDir(name), path) });

export function renderers(): Renderer[] {
  const rootPackage = JSON.parse(readFileSync(join(repositoryDir, 'packages/form/package.json'), 'utf8')) as { version: string };
  return [
    {
      id: 'sipas',
      label: '<sipas-form>',
      version: rootPackage.version,
      styles: [],
      scripts: [{ url: '/sipas/sipas-form.bundle.js', file: join(repositoryDir, 'packages/form/dist/sipas-form.bundle.js') }],
      convert: (questionnaire) => questionnaire,
    },
    {
      id: 'surveyjs',
      label: 'SurveyJS',
      version: versionOf('survey-js-ui'),
      // The font-less sheet: the default one loads web fonts from the internet.
      styles: [vendor('survey-core', 'survey-core.fontless.min.css')],
      scripts: [vendor('survey-core', 'survey.core.min.js'), vendor('survey-core', 'i18n/vietnamese.min.js'), vendor('survey-js-ui', 'survey-js-ui.min.js')],
      convert: (questionnaire) => surveyJSForBench(questionnaire),
    },
    {
      id: 'formio',
      label: 'Form.io',
      version: versionOf('@formio/js'),
      styles: [vendor('bootstrap', 'dist/css/bootstrap.min.css'), vendor('@formio/js', 'dist/formio.form.min.css')],
      scripts: [vendor('@formio/js', 'dist/formio.form.min.js')],
      convert: (questionnaire) => toFormio(questionnaire),
    },
  ];
}

/** Not a renderer: a page showing one question as static HTML, the first render no script can beat. */
export const floorPage: Renderer = { id: 'floor', label: 'static HTML', version: '', styles: [], scripts: [], convert: () => null };

/**
 * SurveyJS's own form of the questionnaire (the project's converter), with yes/no questions as
 * radio buttons ("yes" first) like the other two renderers instead of SurveyJS's default switch.
 */
function surveyJSForBench(questionnaire: Questionnaire): unknown {
  const { json, warnings } = toSurveyJS(questionnaire);
  // A warning means SurveyJS would get less than <sipas-form>: the comparison would not be fair.
  if (warnings.length) throw new Error(`toSurveyJS(${questionnaire.id}): ${warnings.map((w) => w.message.en).join('; ')}`);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element.type === 'boolean') Object.assign(element, { renderAs: 'radio', swapOrder: true });
      Object.values(element).forEach(visit);
    }
  };
  visit(json);
  return json;
}
