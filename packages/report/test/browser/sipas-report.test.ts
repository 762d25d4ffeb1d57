/**
 * <sipas-report> in headless Chromium under the strict CSP: real reports of the index engine over
 * simulated respondents, rendered, filtered, fetched, charted, printed and checked with axe.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { sipas1001, sipas2640 } from '@sipas/templates';
import type { GroupResult, IndexReport, NodeResult } from '@sipas/index';
import { localize, type Response as SurveyResponse } from '@sipas/schema';
import { Chart } from 'chart.js';
import type { CollectionProgress, SipasReport, SipasReportErrorDetail, SipasReportFilterChangeDetail } from '../../src/index.js';
import { canvasTexts, expectedPercent, FIXTURE_SERVER, makeReport, record, renderReport, simulated, spyOnFetch, until, watchCsp, type ReportHarness } from './harness.js';

const leaves = (node: NodeResult): NodeResult[] => (node.children?.length ? node.children.flatMap(leaves) : [node]);

const byUnit2640 = () => makeReport(sipas2640, ['unit']);
const byMonth2640 = () => makeReport(sipas2640, ['month']);

/** Progress of the 2640 units: a plan per unit and what the simulated respondents delivered. */
function progressOf(responses: SurveyResponse[]): CollectionProgress {
  const units = ['ex-p1', 'ex-p1-d1', 'ex-p1-d1-c1', 'ex-p2'].map((unit, position) => ({
    unit,
    planned: 20 + position * 10,
    collected: responses.filter((response) => response.unit === unit).length,
  }));
  return { units, total: responses.length, byChannel: { online: 12, paper: 30 }, lastReceivedAt: '2024-06-30T09:15:00Z' };
}

afterEach(async () => {
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference', media: 'screen' });
});

describe('<sipas-report>', () => {
  describe('accessibility', () => {
    for (const lang of ['vi', 'en']) {
      it(`should have no axe violations on the whole 2640 dashboard (${lang})`, async () => {
        const responses = simulated(sipas2640, 200);
        const dashboard = await renderReport({ report: byUnit2640(), trend: byMonth2640(), progress: progressOf(responses), questionnaire: sipas2640, lang });
        for (const part of ['summary', 'criteria', 'ranking', 'trend', 'expectations', 'progress']) expect(dashboard.hasSection(part), part).to.equal(true);
        await expect(dashboard.element).shadowDom.to.be.accessible();
      });
    }

    it('should have no axe violations on the 1001 dashboard, its stacked expectations included', async () => {
      const dashboard = await renderReport({ report: makeReport(sipas1001, ['unit']), questionnaire: sipas1001 });
      expect(dashboard.hasSection('expectations')).to.equal(true);
      await expect(dashboard.element).shadowDom.to.be.accessible();
    });

    it('should have no axe violations with an empty report, an error or nothing to show', async () => {
      const empty = await renderReport({ report: makeReport(sipas2640, ['unit'], { responses: [] }), questionnaire: sipas2640, lang: 'en' });
      await expect(empty.element).shadowDom.to.be.accessible();
      const broken = await renderReport({ report: { nonsense: true } as unknown as IndexReport });
      expect(broken.errorKind()).to.equal('invalid');
      await expect(broken.element).shadowDom.to.be.accessible();
      const nothingYet = await renderReport({});
      await expect(nothingYet.element).shadowDom.to.be.accessible();
    });

    it('should name every chart and give it a table with a caption and header cells', async () => {
      const dashboard = await renderReport({ report: byUnit2640(), trend: byMonth2640(), progress: progressOf(simulated(sipas2640, 200)), questionnaire: sipas2640 });
      const canvases = [...dashboard.root.querySelectorAll('canvas')];
      expect(canvases.length).to.equal(4);
      for (const canvas of canvases) {
        expect(canvas.getAttribute('role')).to.equal('img');
        expect(canvas.getAttribute('aria-label')!.length, canvas.dataset.chart).to.be.greaterThan(20);
        const table = canvas.closest('section')!.querySelector('table')!;
        expect(table.querySelector('caption')!.textContent!.trim()).to.not.equal('');
        expect(table.querySelectorAll('thead th[scope="col"]').length).to.be.greaterThan(1);
        expect(table.querySelectorAll('tbody th[scope="row"]').length).to.equal(table.querySelectorAll('tbody tr').length);
      }
    });
  });

  describe('properties', () => {
    it('should show the overall index as the report has it, formatted in Vietnamese and in English', async () => {
      const report = byUnit2640();
      const root = report.overall.root;
      const dashboard = await renderReport({ report, questionnaire: sipas2640 });
      expect(dashboard.figure(root.id).value).to.equal(expectedPercent(root.index!, 'vi'));
      expect(dashboard.figure(root.id).value).to.match(/^\d{2},\d\u00a0%$/);
      expect(dashboard.figure(root.id).nValid).to.equal(root.nValid.toLocaleString('vi-VN'));
      expect(dashboard.figure(root.id).method).to.equal('trung bình cộng 5 thành phần');

      dashboard.element.lang = 'en';
      await dashboard.settled();
      expect(dashboard.figure(root.id).value).to.equal(expectedPercent(root.index!, 'en'));
      expect(dashboard.figure(root.id).value).to.match(/^\d{2}\.\d%$/);
      expect(dashboard.figure(root.id).nValid).to.equal(root.nValid.toLocaleString('en-GB'));
      expect(dashboard.figure(root.id).method).to.equal('mean of its 5 parts');
      expect(dashboard.figure(root.id).heading).to.contain(localize(root.label!, 'en'));
    });

    it('should show each component as a large figure with its n_valid', async () => {
      const report = byUnit2640();
      const dashboard = await renderReport({ report, questionnaire: sipas2640 });
      const components = report.overall.root.children!;
      expect(dashboard.figureIds()).to.deep.equal([report.overall.root.id, ...components.map((node) => node.id)]);
      for (const component of components) {
        expect(dashboard.figure(component.id).value).to.equal(expectedPercent(component.index!, 'vi'));
        expect(dashboard.figure(component.id).nValid).to.equal(component.nValid.toLocaleString('vi-VN'));
      }
    });

    it('should list one table row per criterion with its index, n_valid and satisfied / valid', async () => {
      for (const [template, report] of [
        [sipas2640, byUnit2640()],
        [sipas1001, makeReport(sipas1001, ['unit'])],
      ] as const) {
        const dashboard = await renderReport({ report, questionnaire: template });
        const criteria = leaves(report.overall.root);
        const rows = dashboard.criteriaRows();
        expect(rows.map((row) => row.code)).to.deep.equal(criteria.map((node) => node.id));
        rows.forEach((row, position) => {
          const node = criteria[position]!;
          expect(row.text).to.equal(localize(node.label!, 'vi'));
          expect(row.nValid).to.equal(node.nValid.toLocaleString('vi-VN'));
          expect(row.ratio).to.equal(`${node.satisfied.toLocaleString('vi-VN')} / ${node.nValid.toLocaleString('vi-VN')}`);
          expect(row.index).to.equal(node.index === null ? '—' : expectedPercent(node.index, 'vi'));
        });
        const table = dashboard.criteriaTable();
        expect(table.querySelector('caption')!.textContent!.trim()).to.equal('Chỉ số theo tiêu chí');
        expect([...table.querySelectorAll('thead th')].every((cell) => cell.getAttribute('scope') === 'col')).to.equal(true);
        expect(table.querySelectorAll('tbody th[scope="row"]').length).to.equal(criteria.length);
      }
    });

    it('should rank the units highest first, with the value printed on each bar', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const report = byUnit2640();
      let dashboard!: ReportHarness;
      const drawn = await canvasTexts(async () => (dashboard = await renderReport({ report, questionnaire: sipas2640 })));
      const rows = dashboard.dataTable('ranking');
      for (const row of rows) expect(drawn, `the bar of ${row[1]}`).to.include(row[2]);
      expect(rows.length).to.equal(report.ranking!.entries.length);
      const shown = rows.map((row) => Number(row[2]!.replace(/[^\d,]/g, '').replace(',', '.')));
      expect(shown).to.deep.equal([...shown].sort((a, b) => b - a));
      const data = dashboard.chart('ranking')!.data.datasets[0]!.data as number[];
      expect(data).to.deep.equal([...data].sort((a, b) => b - a));
      expect(dashboard.chart('ranking')!.data.labels![0]).to.equal(rows[0]![1]);
      // Unit names come from the questionnaire's unit tree.
      const best = report.ranking!.entries[0]!;
      const unit = sipas2640.sipas!.units!.items.flatMap(function all(item): { id: string; label: unknown }[] {
        return [item, ...(item.children ?? []).flatMap(all)];
      }).find((item) => item.id === best.key)!;
      expect(rows[0]![1]).to.equal(localize(unit.label as string, 'vi'));
      expect(rows[0]![0]).to.equal('1');
    });

    it('should show — for a unit with no valid answers, never 0', async () => {
      const responses = simulated(sipas2640, 200).filter((response) => response.unit !== 'ex-p2-d1');
      const blank = responses.slice(0, 3).map((response, position) => ({ ...response, responseId: `blank-${position}`, unit: 'ex-p2-d1', answers: {} }));
      const report = makeReport(sipas2640, ['unit'], { responses: [...responses, ...blank] });
      await emulateMedia({ reducedMotion: 'reduce' });
      let dashboard!: ReportHarness;
      const drawn = await canvasTexts(async () => (dashboard = await renderReport({ report, questionnaire: sipas2640 })));
      expect(drawn, 'the empty bar is labelled').to.include('—');
      const rows = dashboard.dataTable('ranking');
      const last = rows.at(-1)!;
      expect(last[1]).to.equal('Huyện Mẫu B1 (ví dụ)');
      expect(last[2]).to.equal('—');
      expect(last[3]).to.equal('0');
      expect(dashboard.chart('ranking')!.data.datasets[0]!.data.at(-1)).to.equal(null);
      expect(rows.slice(0, -1).every((row) => row[2] !== '—')).to.equal(true);
    });

    it('should show — for every index of a report without responses', async () => {
      const dashboard = await renderReport({ report: makeReport(sipas2640, ['unit'], { responses: [] }), questionnaire: sipas2640 });
      expect(dashboard.text()).to.contain('Chưa có phiếu trả lời nào phù hợp với bộ lọc.');
      expect(dashboard.figure('SIPAS').value).to.equal('—');
      expect(dashboard.criteriaRows().every((row) => row.index === '—' && row.nValid === '0')).to.equal(true);
      expect(dashboard.hasSection('ranking')).to.equal(false);
      expect(dashboard.hasSection('expectations')).to.equal(false);
    });

    it('should accept the report as the server wraps it, with its title and time', async () => {
      const report = byUnit2640();
      const served = {
        ...report,
        questionnaire: { id: sipas2640.id, version: 3, versions: [3], title: { vi: 'Khảo sát năm 2024', en: 'Survey 2024' } },
        generatedAt: '2024-07-01T02:30:00Z',
        filters: { version: 'latest', versions: [3], by: ['unit'], from: '2024-01-01', where: { unit: ['ex-p1'], channel: ['paper', 'online'] }, utcOffset: '+07:00', units: null },
      };
      const spread = await renderReport({ report: served, lang: 'en' });
      expect(spread.headerText()).to.contain('Survey 2024');
      expect(spread.headerText()).to.contain('2024');
      expect(spread.headerText()).to.contain('From 1 Jan 2024');
      expect(spread.control('from').value).to.equal('2024-01-01');
      expect(spread.control('unit').value).to.equal('ex-p1');
      expect(spread.control('channel').value, 'two channels cannot show in one list').to.equal('');
      expect(spread.figure('SIPAS').value).to.equal(expectedPercent(report.overall.root.index!, 'en'));

      const nested = await renderReport({ report: { questionnaire: served.questionnaire, generatedAt: served.generatedAt, report } });
      expect(nested.headerText()).to.contain('Khảo sát năm 2024');
      expect(nested.figure('SIPAS').value).to.equal(expectedPercent(report.overall.root.index!, 'vi'));
    });

    it('should draw the trend by period from the trend report, or from the groups of the report itself', async () => {
      const trend = byMonth2640();
      const dashboard = await renderReport({ report: byUnit2640(), trend, questionnaire: sipas2640 });
      const rows = dashboard.dataTable('trend');
      expect(rows.map((row) => row[0])).to.deep.equal(['Tháng 1/2024', 'Tháng 2/2024', 'Tháng 3/2024', 'Tháng 4/2024', 'Tháng 5/2024', 'Tháng 6/2024']);
      trend.groups.forEach((group: GroupResult, position) => expect(rows[position]![1]).to.contain(expectedPercent(group.root.index!, 'vi')));
      const chart = dashboard.chart('trend')!;
      expect((chart.config as { type: string }).type).to.equal('line');
      expect(chart.data.datasets.length).to.equal(6);

      const fromGroups = await renderReport({ report: makeReport(sipas2640, ['quarter']), questionnaire: sipas2640, lang: 'en' });
      expect(fromGroups.dataTable('trend').map((row) => row[0])).to.deep.equal(['Q1 2024', 'Q2 2024']);
      expect(fromGroups.hasSection('ranking')).to.equal(false);
    });

    it('should show the expectations as shares of the responses that answered (2640: multiple choice)', async () => {
      const report = byUnit2640();
      const counts = report.overall.distributions.expectations!;
      const dashboard = await renderReport({ report, questionnaire: sipas2640 });
      const rows = dashboard.dataTable('expectations');
      const facilities = rows.find((row) => row[0] === 'Cải thiện cơ sở vật chất, trang thiết bị tại nơi tiếp nhận hồ sơ và trả kết quả') ?? rows.find((row) => row[0]!.startsWith('Cải thiện cơ sở vật chất'))!;
      expect(facilities[1]).to.equal(String(counts.facilities));
      expect(facilities[2]).to.equal(expectedPercent((counts.facilities! / counts.answered!) * 100, 'vi'));
      const data = dashboard.chart('expectations')!.data.datasets[0]!.data as number[];
      const ranked = data.slice(0, rows.findIndex((row) => row[0] === 'Khác') === -1 ? data.length : -1);
      expect(ranked).to.deep.equal([...ranked].sort((a, b) => b - a));
      expect(dashboard.text()).to.contain(`Tỷ lệ trên ${counts.answered} phiếu có trả lời câu này.`);
    });

    it('should show the expectations of a likert grid as stacked shares per level (1001: Q10)', async () => {
      const report = makeReport(sipas1001, ['unit']);
      const dashboard = await renderReport({ report, questionnaire: sipas1001, lang: 'en' });
      const rows = dashboard.dataTable('expectations');
      expect(rows.length).to.equal(Object.keys(report.overall.distributions).filter((key) => key.startsWith('Q10.')).length);
      const chart = dashboard.chart('expectations')!;
      expect(chart.data.datasets.map((dataset) => dataset.label)).to.deep.equal(['A little', 'Much', 'Very much']);
      const digital = report.overall.distributions['Q10.digital']!;
      const valid = digital['1']! + digital['2']! + digital['3']!;
      const row = rows.find((cells) => cells[0] === 'More use of information technology and digital transformation')!;
      expect(row.slice(1)).to.deep.equal([expectedPercent((digital['1']! / valid) * 100, 'en'), expectedPercent((digital['2']! / valid) * 100, 'en'), expectedPercent((digital['3']! / valid) * 100, 'en'), String(valid)]);
    });

    it('should show collection progress against the plan when progress is given', async () => {
      const responses = simulated(sipas2640, 200);
      const progress = progressOf(responses);
      const dashboard = await renderReport({ report: byUnit2640(), questionnaire: sipas2640, progress });
      const rows = dashboard.dataTable('progress');
      expect(rows.map((row) => row[0])).to.deep.equal(['Tỉnh Mẫu A (ví dụ – thay bằng danh sách thật)', 'Huyện Mẫu A1 (ví dụ)', 'Xã Mẫu A1a (ví dụ)', 'Tỉnh Mẫu B (ví dụ – thay bằng danh sách thật)']);
      const first = progress.units[0]!;
      expect(rows[0]).to.deep.equal([rows[0]![0], String(first.planned), String(first.collected), expectedPercent((first.collected / first.planned!) * 100, 'vi')]);
      const chart = dashboard.chart('progress')!;
      expect(chart.data.datasets.map((dataset) => dataset.data)).to.deep.equal([progress.units.map((unit) => unit.collected), progress.units.map((unit) => unit.planned)]);
      expect(dashboard.text()).to.contain('Phiếu giấy: 30');
      expect(dashboard.text()).to.contain('Đã thu 200 / 140 phiếu theo kế hoạch');

      const without = await renderReport({ report: byUnit2640(), questionnaire: sipas2640 });
      expect(without.hasSection('progress')).to.equal(false);
    });

    it('should render names from the data as text, never as HTML', async () => {
      const report = byUnit2640();
      const hostile = '<img src=x onerror="window.__pwned=1"><b>Sở</b>';
      const questionnaire = structuredClone(sipas2640);
      questionnaire.sipas!.units!.items[0]!.label = hostile;
      report.overall.root.children![0]!.label = hostile;
      const dashboard = await renderReport({ report, questionnaire, progress: { units: [{ unit: 'x', label: hostile, planned: 1, collected: 1 }] } });
      expect(dashboard.root.querySelector('img, b')).to.equal(null);
      expect(dashboard.text()).to.contain(hostile);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });

  describe('events', () => {
    it('should emit sipas-report-filter-change with the filters when the staff member applies them', async () => {
      const dashboard = await renderReport({ report: byUnit2640(), questionnaire: sipas2640 });
      const seen: Event[] = [];
      document.body.addEventListener('sipas-report-filter-change', (event) => seen.push(event));
      dashboard.setFilter('from', '2024-02-01');
      dashboard.setFilter('to', '2024-03-31');
      dashboard.setFilter('unit', 'ex-p1-d1');
      dashboard.setFilter('channel', 'paper');
      expect(seen.length, 'not on each change, only when applied').to.equal(0);
      await dashboard.click('apply-button');
      expect(seen.length).to.equal(1);
      const event = seen[0] as CustomEvent<SipasReportFilterChangeDetail>;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail).to.deep.equal({ from: '2024-02-01', to: '2024-03-31', unit: 'ex-p1-d1', channel: 'paper' });
      expect(dashboard.element.filters).to.deep.equal(event.detail);

      await dashboard.click('clear-button');
      expect((seen[1] as CustomEvent).detail).to.deep.equal({});
      expect(dashboard.control('unit').value).to.equal('');
      expect(dashboard.control('from').value).to.equal('');
    });

    it('should not emit when a script sets the filters, and show them in the form', async () => {
      const dashboard = await renderReport({ report: byUnit2640(), questionnaire: sipas2640 });
      const seen = record(dashboard.element, 'sipas-report-filter-change');
      dashboard.element.filters = { from: '2024-04-01', field: 'land_use' };
      await dashboard.settled();
      expect(seen).to.deep.equal([]);
      expect(dashboard.control('from').value).to.equal('2024-04-01');
      expect(dashboard.control('field').value).to.equal('land_use');
    });

    it('should refuse a start after the end, say why and keep the keyboard on the start', async () => {
      const dashboard = await renderReport({ report: byUnit2640(), questionnaire: sipas2640 });
      const seen = record(dashboard.element, 'sipas-report-filter-change');
      dashboard.setFilter('from', '2024-05-01');
      dashboard.setFilter('to', '2024-04-01');
      await dashboard.click('apply-button');
      await dashboard.settled();
      expect(seen).to.deep.equal([]);
      const alert = dashboard.root.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('“Từ ngày” phải trước hoặc trùng “Đến ngày”.');
      expect(dashboard.control('from').getAttribute('aria-invalid')).to.equal('true');
      expect(dashboard.focused()).to.equal(dashboard.control('from'));
      await expect(dashboard.element).shadowDom.to.be.accessible();
    });
  });

  describe('keyboard', () => {
    it('should reach every filter and both buttons with Tab, in order, and apply with Enter', async function () {
      this.timeout(30_000); // up to 20 real key presses, each a round trip to the browser
      const before = await fixture<HTMLButtonElement>(html`<button>before</button>`);
      const dashboard = await renderReport({ report: byUnit2640(), questionnaire: sipas2640 });
      const seen = record<SipasReportFilterChangeDetail>(dashboard.element, 'sipas-report-filter-change');
      before.focus();
      // A date box takes several Tabs (day, month, year): count each control once.
      const reached: string[] = [];
      for (let press = 0; press < 20 && reached.at(-1) !== 'button clear-button'; press++) {
        await sendKeys({ press: 'Tab' });
        const focused = dashboard.focused() as HTMLElement | null;
        const name = focused?.getAttribute('name') ?? focused?.getAttribute('part') ?? String(focused?.tagName);
        if (reached.at(-1) !== name) reached.push(name);
      }
      expect(reached).to.deep.equal(['from', 'to', 'unit', 'field', 'channel', 'button apply-button', 'button clear-button']);
      dashboard.control('channel').focus();
      await sendKeys({ press: 'ArrowDown' });
      dashboard.control('from').focus();
      await sendKeys({ press: 'Enter' });
      await dashboard.settled();
      expect(seen.length).to.equal(1);
      expect(seen[0]!.channel).to.equal(sipas2640.sipas!.survey!.channels![0]);
      before.remove();
    });
  });

  describe('parts and styles', () => {
    it('should expose the main blocks as parts and keep body text at 16px or more', async () => {
      const dashboard = await renderReport({ report: byUnit2640(), trend: byMonth2640(), progress: progressOf(simulated(sipas2640, 200)), questionnaire: sipas2640 });
      for (const part of ['base', 'header', 'title', 'filters', 'status', 'summary', 'figure', 'criteria', 'criteria-table', 'ranking', 'trend', 'expectations', 'progress', 'chart', 'data-table', 'apply-button', 'clear-button']) {
        expect(dashboard.hasSection(part), part).to.equal(true);
      }
      expect(dashboard.root.querySelectorAll('[style]').length, 'no style attributes in the template').to.equal(
        dashboard.root.querySelectorAll('canvas[style], .chart[style]').length,
      );
      const size = (selector: string) => Number.parseFloat(getComputedStyle(dashboard.root.querySelector(selector)!).fontSize);
      for (const selector of ['.report', 'td', 'select', 'button', 'label']) expect(size(selector), selector).to.be.at.least(16);
    });

    it('should follow dark mode and a site’s own tokens, in the page and in the charts', async () => {
      const dashboard = await renderReport({ report: byUnit2640(), questionnaire: sipas2640 });
      const background = () => getComputedStyle(dashboard.root.querySelector('.report')!).backgroundColor;
      const barColour = () => dashboard.chart('ranking')!.data.datasets[0]!.backgroundColor;
      const light = [background(), barColour()];
      await emulateMedia({ colorScheme: 'dark' });
      expect(background()).to.not.equal(light[0]);
      // The charts follow when the media query reports its change.
      await until(() => barColour() !== light[1], 'the dark chart colours');
      dashboard.element.style.setProperty('--sipas-color-primary', 'rgb(1, 2, 3)');
      dashboard.element.requestUpdate();
      await dashboard.settled();
      expect(barColour()).to.equal('rgb(1, 2, 3)');
      dashboard.element.style.removeProperty('--sipas-color-primary');
    });
  });

  describe('charts', () => {
    it('should create its charts, and destroy them when it leaves the page and draw them again when it comes back', async () => {
      const baseline = Object.keys(Chart.instances).length;
      const dashboard = await renderReport({ report: byUnit2640(), trend: byMonth2640(), progress: progressOf(simulated(sipas2640, 200)), questionnaire: sipas2640 });
      const canvases = ['ranking', 'trend', 'expectations', 'progress'].map((name) => dashboard.canvas(name)!);
      expect(canvases.every((canvas) => Chart.getChart(canvas) !== undefined)).to.equal(true);
      expect(Object.keys(Chart.instances).length).to.equal(baseline + 4);
      const parent = dashboard.element.parentElement!;
      dashboard.element.remove();
      expect(canvases.every((canvas) => Chart.getChart(canvas) === undefined)).to.equal(true);
      expect(Object.keys(Chart.instances).length).to.equal(baseline);
      parent.append(dashboard.element);
      await dashboard.settled();
      expect(Object.keys(Chart.instances).length).to.equal(baseline + 4);
      dashboard.element.remove();
      expect(Object.keys(Chart.instances).length).to.equal(baseline);
    });

    it('should draw again when the data or the language changes, and drop a chart whose data is gone', async () => {
      const dashboard = await renderReport({ report: byUnit2640(), questionnaire: sipas2640 });
      const first = dashboard.chart('ranking')!;
      dashboard.element.lang = 'en';
      await dashboard.settled();
      const english = dashboard.chart('ranking')!;
      expect(english.data.labels![0]).to.contain('(example');
      expect(first.canvas ?? null, 'the Vietnamese chart was destroyed').to.equal(null);
      dashboard.element.report = makeReport(sipas2640, ['unit'], { count: 80, seed: 9 });
      await dashboard.settled();
      expect(dashboard.chart('ranking')).to.not.equal(english);
      const before = Object.keys(Chart.instances).length;
      dashboard.element.report = makeReport(sipas2640, ['month']);
      await dashboard.settled();
      expect(dashboard.hasSection('ranking')).to.equal(false);
      expect(Object.keys(Chart.instances).length).to.equal(before);
      dashboard.element.remove();
    });

    it('should not animate when the system asks for reduced motion', async () => {
      const animated = await renderReport({ report: byUnit2640(), questionnaire: sipas2640 });
      expect(animated.chart('ranking')!.options.animation).to.not.equal(false);
      await emulateMedia({ reducedMotion: 'reduce' });
      await until(() => animated.chart('ranking')!.options.animation === false, 'the charts to stop animating');
      const still = await renderReport({ report: byUnit2640(), questionnaire: sipas2640 });
      expect(still.chart('ranking')!.options.animation).to.equal(false);
    });

    it('should draw without any Content-Security-Policy violation (and the watch does catch one)', async () => {
      const stop = watchCsp();
      const dashboard = await renderReport({ report: byUnit2640(), trend: byMonth2640(), progress: progressOf(simulated(sipas2640, 200)), questionnaire: sipas2640 });
      dashboard.element.lang = 'en';
      await dashboard.settled();
      window.dispatchEvent(new Event('beforeprint'));
      window.dispatchEvent(new Event('afterprint'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(stop()).to.deep.equal([]);

      const control = watchCsp();
      const probe = document.createElement('div');
      probe.setAttribute('style', 'color: red');
      document.body.append(probe);
      await new Promise((resolve) => setTimeout(resolve, 100));
      probe.remove();
      expect(control().length, 'the page runs under a CSP that refuses inline styles').to.be.greaterThan(0);
    });

    it('should lay out for A4 paper: no filters, charts redrawn at paper size, full width, not animated', async () => {
      const dashboard = await renderReport({ report: byUnit2640(), trend: byMonth2640(), questionnaire: sipas2640 });
      window.dispatchEvent(new Event('beforeprint'));
      await emulateMedia({ media: 'print' });
      const ranking = dashboard.chart('ranking')!;
      expect(ranking.options.responsive).to.equal(false);
      expect(ranking.options.animation).to.equal(false);
      expect(ranking.width).to.equal(718);
      expect(getComputedStyle(dashboard.root.querySelector('[part~="filters"]')!).display).to.equal('none');
      const canvas = dashboard.canvas('trend')!;
      const section = canvas.closest('section')!;
      expect(Math.round(canvas.getBoundingClientRect().width)).to.equal(Math.round(section.getBoundingClientRect().width));
      await emulateMedia({ media: 'screen' });
      window.dispatchEvent(new Event('afterprint'));
      expect(dashboard.chart('ranking')!.options.responsive).to.equal(true);
      expect(getComputedStyle(dashboard.root.querySelector('[part~="filters"]')!).display).to.not.equal('none');
    });
  });

  describe('fetching', () => {
    let spy: ReturnType<typeof spyOnFetch> | undefined;
    afterEach(() => {
      spy?.restore();
      spy = undefined;
    });

    async function fetchingDashboard(attributes: { id?: string; server?: string; withQuestionnaire?: boolean } = {}): Promise<ReportHarness> {
      return renderReport({
        server: attributes.server ?? FIXTURE_SERVER,
        questionnaireId: attributes.id ?? 'sipas-2640',
        ...(attributes.withQuestionnaire === false ? {} : { questionnaire: sipas2640 }),
      });
    }

    it('should fetch the report, the trend and the progress from the server with the session cookie', async () => {
      spy = spyOnFetch();
      const served = (await (await fetch(`${FIXTURE_SERVER}/api/v1/questionnaires/sipas-2640/report`)).json()) as IndexReport;
      spy.calls.length = 0;
      const element = document.createElement('sipas-report') as SipasReport;
      element.questionnaire = sipas2640;
      element.by = 'unit:province';
      element.server = `${FIXTURE_SERVER}/`;
      element.questionnaireId = 'sipas-2640';
      document.body.append(element);
      const { ReportHarness } = await import('./harness.js');
      const dashboard = new ReportHarness(element);
      await dashboard.settled();
      const base = `${FIXTURE_SERVER}/api/v1/questionnaires/sipas-2640`;
      expect(spy.calls.map((call) => call.url).sort()).to.deep.equal([`${base}/progress`, `${base}/report?by=month`, `${base}/report?by=unit%3Aprovince`]);
      expect(spy.calls.every((call) => call.credentials === 'include')).to.equal(true);
      expect(dashboard.figure('SIPAS').value).to.equal(expectedPercent(served.overall.root.index!, 'vi'));
      expect(dashboard.headerText()).to.contain('SIPAS 2017–2020');
      expect(dashboard.root.querySelector('#ranking-heading')!.textContent).to.equal('Xếp hạng theo Tỉnh/Thành phố trực thuộc trung ương');
      expect(dashboard.dataTable('ranking').length).to.equal(served.ranking!.entries.length);
      expect(dashboard.hasSection('progress')).to.equal(true);
      const progress = dashboard.dataTable('progress');
      expect(progress.at(-1)![0], 'responses without a unit').to.equal('(không rõ đơn vị)');
      expect(progress.at(-1)![1]).to.equal('—');
      expect(dashboard.root.querySelector('.channels [data-channel="phone"]'), 'a channel nobody used').to.equal(null);
      expect(dashboard.text()).to.contain('Đã thu 120 / 180 phiếu theo kế hoạch (66,7\u00a0%).');
      expect(dashboard.statusText()).to.equal('');
      element.remove();
    });

    it('should take names from the progress when it has no questionnaire, and fetch the questionnaire too', async () => {
      spy = spyOnFetch();
      const dashboard = await fetchingDashboard({ withQuestionnaire: false });
      expect(spy.calls.some((call) => call.url === `${FIXTURE_SERVER}/api/v1/questionnaires/sipas-2640`)).to.equal(true);
      expect(dashboard.errorText()).to.equal('');
      expect(dashboard.dataTable('ranking').map((row) => row[1])).to.include('Tỉnh Mẫu A (ví dụ – thay bằng danh sách thật)');
      spy.calls.length = 0;
      dashboard.setFilter('channel', 'online');
      await dashboard.click('apply-button');
      expect(spy.calls.map((call) => call.url.replace(FIXTURE_SERVER, '').split('?')[0])).to.have.members([
        '/api/v1/questionnaires/sipas-2640/report',
        '/api/v1/questionnaires/sipas-2640/report',
        '/api/v1/questionnaires/sipas-2640/progress',
      ]);
    });

    it('should say it is loading while the server has not answered', async () => {
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      spy = spyOnFetch((url) => (url.includes('/report') ? gate.then(() => fetch(url)) : undefined));
      const element = document.createElement('sipas-report') as SipasReport;
      element.questionnaire = sipas2640;
      element.server = FIXTURE_SERVER;
      element.questionnaireId = 'sipas-2640';
      document.body.append(element);
      await element.updateComplete;
      const base = element.shadowRoot!.querySelector('.report')!;
      expect(base.getAttribute('aria-busy')).to.equal('true');
      expect(element.shadowRoot!.querySelector('[part~="status"]')!.textContent!.trim()).to.equal('Đang tải báo cáo…');
      expect(element.shadowRoot!.querySelector('[part~="summary"]')).to.equal(null);
      release();
      spy.restore();
      const { ReportHarness } = await import('./harness.js');
      await new ReportHarness(element).settled();
      expect(base.getAttribute('aria-busy')).to.equal('false');
      expect(element.shadowRoot!.querySelector('[part~="summary"]')).to.not.equal(null);
      element.remove();
    });

    it('should fetch again with the filters the staff member applies', async () => {
      const dashboard = await fetchingDashboard();
      spy = spyOnFetch();
      dashboard.setFilter('from', '2024-02-01');
      dashboard.setFilter('unit', 'ex-p1');
      dashboard.setFilter('field', 'land_use');
      await dashboard.click('apply-button');
      await dashboard.settled();
      const reportCall = spy.calls.find((call) => call.url.includes('/report?by=unit&'))!;
      // The server's parameter names (packages/server/src/reports/README.md); it refuses unknown ones.
      expect(new URL(reportCall.url).searchParams.toString()).to.equal('by=unit&from=2024-02-01&where.unit=ex-p1&where.field=land_use');
      expect(spy.calls.find((call) => call.url.includes('/progress'))!.url).to.contain('/progress?from=2024-02-01&where.unit=ex-p1&where.field=land_use');
      expect(dashboard.control('unit').value).to.equal('ex-p1');
    });

    it('should say the report was not found (404), with a retry', async () => {
      const dashboard = await fetchingDashboard({ id: 'no-such-survey' });
      expect(dashboard.errorKind()).to.equal('not-found');
      expect(dashboard.errorText()).to.contain('Không tìm thấy báo cáo của bảng hỏi “no-such-survey”.');
      expect(dashboard.root.querySelector('[part~="error"]')!.getAttribute('role')).to.equal('alert');
      expect(dashboard.hasSection('summary')).to.equal(false);
      spy = spyOnFetch();
      await dashboard.click('retry-button');
      expect(spy.calls.length).to.be.greaterThan(0);
      expect(dashboard.errorKind()).to.equal('not-found');
      await expect(dashboard.element).shadowDom.to.be.accessible();
    });

    it('should ask to sign in on 401, with the server’s words, and tell the page', async () => {
      spy = spyOnFetch((url) =>
        url.includes('/report')
          ? new Response(JSON.stringify({ errors: [{ path: '', code: 'unauthenticated', message: { vi: 'Phiên đăng nhập đã hết hạn', en: 'Your session has expired' } }] }), {
              status: 401,
              headers: { 'Content-Type': 'application/json' },
            })
          : undefined,
      );
      const errors: SipasReportErrorDetail[] = [];
      document.body.addEventListener('sipas-report-error', (event) => errors.push(event.detail), { once: true });
      const dashboard = await fetchingDashboard();
      expect(dashboard.errorKind()).to.equal('unauthorized');
      expect(dashboard.errorText()).to.contain('Vui lòng đăng nhập để xem báo cáo.');
      expect(dashboard.errorText()).to.contain('Chi tiết: Phiên đăng nhập đã hết hạn');
      expect(errors.map((error) => [error.kind, error.status])).to.deep.equal([['unauthorized', 401]]);
      dashboard.element.lang = 'en';
      await dashboard.settled();
      expect(dashboard.errorText()).to.contain('Please sign in to see the report.');
      expect(dashboard.errorText()).to.contain('Details: Your session has expired');
      await expect(dashboard.element).shadowDom.to.be.accessible();
    });

    it('should say when the server cannot be reached or answers something else than a report', async () => {
      const unreachable = await fetchingDashboard({ server: 'http://127.0.0.1:9' });
      expect(unreachable.errorKind()).to.equal('network');
      expect(unreachable.errorText()).to.contain('Không kết nối được máy chủ báo cáo.');

      spy = spyOnFetch((url) => (url.includes('/report') ? new Response('<html>Đăng nhập cổng thông tin</html>', { status: 200 }) : undefined));
      const portal = await fetchingDashboard();
      expect(portal.errorKind()).to.equal('invalid');
      spy.restore();
      spy = spyOnFetch((url) => (url.includes('/report') ? new Response('oops', { status: 503 }) : undefined));
      const down = await fetchingDashboard();
      expect(down.errorKind()).to.equal('http');
      expect(down.errorText()).to.contain('(mã lỗi 503)');
      expect(down.errorText()).to.contain('Chi tiết: oops');
    });
  });
});
