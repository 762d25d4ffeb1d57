/**
 * <sipas-report> with real reports: simulated respondents of the standard questionnaires
 * (@sipas/core) through the index engine (@sipas/index), one story per documented state. Only the
 * error story asks a server for anything (this Storybook's own origin, which has no report).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import { seededRandom, simulateResponses } from '@sipas/core';
import { computeIndex, type Dimension, type IndexReport } from '@sipas/index';
import { flattenHierarchy, type Questionnaire, type Response } from '@sipas/schema';
import { sipas1001, sipas2640 } from '@sipas/templates';
import '../src/index.js';
import type { CollectionProgress, ReportInput, SipasReport } from '../src/index.js';

type ReportArgs = {
  lang: 'vi' | 'en';
  report?: ReportInput;
  trend?: IndexReport;
  progress?: CollectionProgress;
  questionnaire?: Questionnaire;
  questionnaireId?: string;
};
type Story = StoryObj<ReportArgs>;

const responsesOf = new Map<string, Response[]>();
/** A survey's simulated respondents over the first half of 2024, the same on every load. */
function respondents(questionnaire: Questionnaire, count = 400): Response[] {
  let responses = responsesOf.get(questionnaire.id);
  if (!responses) {
    responses = [...simulateResponses(questionnaire, count, { random: seededRandom(2024), from: '2024-01-01', to: '2024-06-30' })];
    responsesOf.set(questionnaire.id, responses);
  }
  return responses;
}

const report = (questionnaire: Questionnaire, by: Dimension[]): IndexReport => computeIndex(questionnaire, respondents(questionnaire), { by });

/** A plan of 60 forms per unit, against what the simulated respondents delivered. */
function progressOf(questionnaire: Questionnaire): CollectionProgress {
  const responses = respondents(questionnaire);
  const byChannel: Record<string, number> = {};
  for (const response of responses) byChannel[response.channel] = (byChannel[response.channel] ?? 0) + 1;
  return {
    units: flattenHierarchy(questionnaire.sipas?.units).map((unit) => ({
      unit: unit.id,
      planned: 60,
      collected: responses.filter((response) => response.unit === unit.id).length,
    })),
    total: responses.length,
    byChannel,
    lastReceivedAt: responses.map((response) => response.submittedAt).sort().at(-1),
  };
}

/** What the server would send for one survey: the report by unit, the trend by month, the progress. */
const dashboard = (questionnaire: Questionnaire): Partial<ReportArgs> => ({
  questionnaire,
  report: { ...report(questionnaire, ['unit']), generatedAt: '2024-07-01T02:30:00Z', questionnaire: { id: questionnaire.id, title: questionnaire.title } },
  trend: report(questionnaire, ['month']),
  progress: progressOf(questionnaire),
});

const renderReport = ({ lang, report: data, trend, progress, questionnaire, questionnaireId }: ReportArgs): TemplateResult =>
  html`<sipas-report
    lang=${lang}
    questionnaire-id=${ifDefined(questionnaireId)}
    .report=${data}
    .trend=${trend}
    .progress=${progress}
    .questionnaire=${questionnaire}
  ></sipas-report>`;

/** The story's <sipas-report> once it shows its figures (or its error). */
async function shownReport(canvasElement: HTMLElement, part: string): Promise<SipasReport> {
  return waitFor(
    () => {
      const element = canvasElement.querySelector('sipas-report');
      if (!element?.shadowRoot?.querySelector(`[part~="${part}"]`)) throw new Error(`<sipas-report> shows no ${part} yet`);
      return element;
    },
    { timeout: 5000 },
  );
}

const meta: Meta<ReportArgs> = {
  title: 'Report/sipas-report',
  component: 'sipas-report',
  tags: ['autodocs'],
  args: { lang: 'vi' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'], description: 'Language of the dashboard (`lang` attribute)' },
    report: { control: false, description: 'The index report (`report` property): IndexReport, or as the server wraps it' },
    trend: { control: false, description: 'A report grouped by period for the trend (`trend` property)' },
    progress: { control: false, description: 'Collection progress against the plan (`progress` property)' },
    questionnaire: { control: false, description: 'The questionnaire, for names of units, fields and options (`questionnaire` property)' },
    questionnaireId: { control: 'text', description: 'Fetch the report from the server (`questionnaire-id` attribute; `server` is the page’s origin here)' },
  },
  render: renderReport,
};
export default meta;

/** SIPAS 2640: five components, 22 criteria, nine units, the multiple-choice expectations question. */
export const Sipas2640: Story = {
  name: 'Dashboard: SIPAS 2640 (vi)',
  args: dashboard(sipas2640),
  play: async ({ canvasElement }) => {
    const element = await shownReport(canvasElement, 'ranking');
    await expect(element.shadowRoot!.querySelectorAll('canvas').length).toBe(4);
  },
};

/** SIPAS 1001: policies and services, three levels deep, the expectations as a likert grid (stacked bars). */
export const Sipas1001: Story = { name: 'Dashboard: SIPAS 1001 (vi)', args: dashboard(sipas1001) };

export const Sipas2640English: Story = { name: 'Dashboard: SIPAS 2640 (en)', args: { ...dashboard(sipas2640), lang: 'en' } };

/** No response matches yet: every index shows "—", not 0, and no chart is drawn. */
export const EmptyReport: Story = {
  name: 'Empty report',
  args: { questionnaire: sipas2640, report: computeIndex(sipas2640, [], { by: ['unit'] }) },
  play: async ({ canvasElement }) => {
    const element = await shownReport(canvasElement, 'summary');
    await expect(element.shadowRoot!.querySelector('.figure-value')!.textContent).toBe('—');
  },
};

/** Fetching from a server that has no report for this questionnaire: the 404 notice and "Try again". */
export const NotFound: Story = {
  name: 'Error: report not found',
  tags: ['smoke-allow-404'],
  args: { questionnaireId: 'khong-co-khao-sat-nay', questionnaire: sipas2640 },
  play: async ({ canvasElement }) => {
    const element = await shownReport(canvasElement, 'error');
    await expect(element.shadowRoot!.querySelector('[part~="error"]')!.textContent).toContain('khong-co-khao-sat-nay');
  },
};
