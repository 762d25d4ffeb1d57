/**
 * chart.js configurations of the dashboard's four charts, from the view model. Pure: the same
 * view, palette and language give the same configuration (the element compares them to decide
 * whether a chart must be drawn again).
 */
import type { ChartConfiguration, Plugin, TooltipItem } from 'chart.js';
import { formatCount, formatPercent, formatPeriod } from '../format.js';
import { text, type ReportLanguage } from '../i18n.js';
import type { ExpectationView, ProgressView, RankingView, TrendView } from '../report-model.js';
import type { ChartPalette } from './palette.js';

/** How a chart is drawn: animated on screen (unless reduced motion is asked), fixed size and sharper for print. */
export interface DrawMode {
  animate: boolean;
  responsive: boolean;
  devicePixelRatio?: number;
}

export interface ChartInput {
  palette: ChartPalette;
  language: ReportLanguage;
  mode: DrawMode;
}

const FONT_SIZE = 14;
/** Legend entries longer than this are cut (the table and the tooltip keep the whole name). */
const LABEL_LENGTH = 38;
/** Axis labels wrap at this many characters, on at most two lines. */
const LINE_LENGTH = 30;

const shorten = (label: string, length = LABEL_LENGTH): string => (label.length > length ? `${label.slice(0, length - 1).trimEnd()}…` : label);

/** A long name on two lines at most (chart.js draws an array as lines), cut after that. */
function wrap(label: string): string | string[] {
  if (label.length <= LINE_LENGTH) return label;
  const words = label.split(/\s+/);
  let first = '';
  while (words.length > 0 && `${first} ${words[0]}`.trim().length <= LINE_LENGTH) first = `${first} ${words.shift()}`.trim();
  if (first === '') return shorten(label, LINE_LENGTH);
  return [first, shorten(words.join(' '), LINE_LENGTH)];
}

const font = (palette: ChartPalette, weight: 'normal' | 'bold' = 'normal') => ({ family: palette.fontFamily, size: FONT_SIZE, weight });

/** The part of every configuration that is the same: size, animation, tooltips, the language. */
function common({ palette, language, mode }: ChartInput) {
  return {
    responsive: mode.responsive,
    maintainAspectRatio: false,
    animation: mode.animate ? { duration: 400 } : (false as const),
    ...(mode.devicePixelRatio ? { devicePixelRatio: mode.devicePixelRatio } : {}),
    locale: language === 'vi' ? 'vi-VN' : 'en-GB',
    color: palette.text,
  };
}

const tooltip = (palette: ChartPalette) => ({
  backgroundColor: palette.text,
  titleColor: palette.background,
  bodyColor: palette.background,
  titleFont: font(palette, 'bold'),
  bodyFont: font(palette),
});

const percentAxis = (palette: ChartPalette, language: ReportLanguage, bounds: { min?: number; max?: number; stacked?: boolean; grace?: string | number } = {}) => ({
  ...bounds,
  grid: { color: palette.grid },
  border: { color: palette.muted },
  // Upright labels; chart.js leaves out those that would overlap on a narrow chart.
  ticks: { color: palette.text, font: font(palette), maxRotation: 0, callback: (value: string | number) => formatPercent(Number(value), language).replace(/[,.]0(?=\D*$)/, '') },
});

const categoryAxis = (palette: ChartPalette, labels: string[], stacked = false) => ({
  stacked,
  grid: { display: false },
  border: { color: palette.muted },
  ticks: { color: palette.text, font: font(palette), autoSkip: false, callback: (_value: string | number, index: number) => wrap(labels[index] ?? '') },
});

/**
 * Prints a figure at the end of each bar of a horizontal bar chart: inside the bar when there is
 * room (the ranking), else just after the longest bar at that row (progress against the plan).
 */
function valueLabels(labels: string[], palette: ChartPalette, placement: 'inside' | 'after'): Plugin<'bar'> {
  return {
    id: 'sipasValueLabels',
    afterDatasetsDraw(chart) {
      const context = chart.ctx;
      const axis = chart.scales.x;
      const rows = chart.scales.y;
      if (!axis || !rows) return;
      const zero = axis.getPixelForValue(0);
      const metas = chart.getSortedVisibleDatasetMetas();
      context.save();
      context.font = `bold ${FONT_SIZE}px ${palette.fontFamily}`;
      context.textBaseline = 'middle';
      labels.forEach((label, index) => {
        let end = zero;
        // From the category axis, so a bar without a value (null) still gets its "—".
        const y = rows.getPixelForValue(index);
        for (const meta of metas) {
          const bar = meta.data[index] as unknown as { x: number } | undefined;
          if (bar && Number.isFinite(bar.x)) end = Math.max(end, bar.x);
        }
        if (!Number.isFinite(y)) return;
        const width = context.measureText(label).width;
        if (placement === 'inside' && end - zero > width + 16) {
          context.fillStyle = palette.onPrimary;
          context.textAlign = 'right';
          context.fillText(label, end - 8, y);
        } else {
          context.fillStyle = palette.text;
          context.textAlign = 'left';
          context.fillText(label, end + 6, y);
        }
      });
      context.restore();
    },
  };
}

export function rankingChart(view: RankingView, input: ChartInput): ChartConfiguration<'bar', (number | null)[], string> {
  const { palette, language } = input;
  const labels = view.rows.map((row) => row.label);
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: text('index', language),
          data: view.rows.map((row) => row.index),
          backgroundColor: palette.primary,
          borderColor: palette.text,
          borderWidth: 0,
          barPercentage: 0.85,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      ...common(input),
      indexAxis: 'y',
      scales: { x: percentAxis(palette, language, { min: 0, max: 100 }), y: categoryAxis(palette, labels) },
      plugins: {
        legend: { display: false },
        tooltip: {
          ...tooltip(palette),
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => view.rows[items[0]?.dataIndex ?? 0]?.label ?? '',
            label: (item: TooltipItem<'bar'>) => {
              const row = view.rows[item.dataIndex]!;
              return `${formatPercent(row.index, language)} (n = ${formatCount(row.nValid, language)})`;
            },
          },
        },
      },
    },
    plugins: [valueLabels(view.rows.map((row) => formatPercent(row.index, language)), palette, 'inside')],
  };
}

const DASHES = [[], [8, 4], [3, 3], [12, 4, 3, 4], [2, 6], [10, 2]];

export function trendChart(view: TrendView, input: ChartInput): ChartConfiguration<'line', (number | null)[], string> {
  const { palette, language } = input;
  return {
    type: 'line',
    data: {
      labels: view.periods.map((period) => formatPeriod(period, language)),
      datasets: view.series.map((series, position) => {
        const colour = position === 0 ? palette.primary : palette.series[position % palette.series.length]!;
        return {
          label: `${series.id === series.label ? '' : `${series.id} · `}${shorten(series.label)}`,
          data: series.values,
          borderColor: colour,
          backgroundColor: colour,
          borderWidth: position === 0 ? 4 : 2,
          borderDash: DASHES[position % DASHES.length]!,
          pointRadius: position === 0 ? 4 : 3,
          pointStyle: (['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'] as const)[position % 6]!,
          spanGaps: false,
          tension: 0,
        };
      }),
    },
    options: {
      ...common(input),
      scales: {
        x: { grid: { color: palette.grid }, border: { color: palette.muted }, ticks: { color: palette.text, font: font(palette) } },
        y: percentAxis(palette, language, { grace: 2 }),
      },
      plugins: {
        legend: { display: view.series.length > 1, position: 'bottom', labels: { color: palette.text, font: font(palette), usePointStyle: true } },
        tooltip: {
          ...tooltip(palette),
          callbacks: {
            label: (item: TooltipItem<'line'>) => {
              const series = view.series[item.datasetIndex]!;
              return `${series.id}: ${formatPercent(series.values[item.dataIndex], language)} (n = ${formatCount(series.nValid[item.dataIndex] ?? 0, language)})`;
            },
          },
        },
      },
    },
  };
}

export function expectationsChart(view: ExpectationView, input: ChartInput): ChartConfiguration<'bar', (number | null)[], string> {
  const { palette, language } = input;
  if (view.kind === 'multiple') {
    const labels = view.items.map((item) => item.label);
    return {
      type: 'bar',
      data: {
        labels,
        datasets: [{ label: text('share', language), data: view.items.map((item) => item.share), backgroundColor: palette.primary, barPercentage: 0.85, categoryPercentage: 0.9 }],
      },
      options: {
        ...common(input),
        indexAxis: 'y',
        scales: { x: percentAxis(palette, language, { min: 0, grace: '12%' }), y: categoryAxis(palette, labels) },
        plugins: {
          legend: { display: false },
          tooltip: {
            ...tooltip(palette),
            callbacks: {
              title: (items: TooltipItem<'bar'>[]) => view.items[items[0]?.dataIndex ?? 0]?.label ?? '',
              label: (item: TooltipItem<'bar'>) => {
                const entry = view.items[item.dataIndex]!;
                return `${formatPercent(entry.share, language)} (${formatCount(entry.count, language)} / ${formatCount(view.base, language)})`;
              },
            },
          },
        },
      },
      plugins: [valueLabels(view.items.map((item) => formatPercent(item.share, language)), palette, 'after')],
    };
  }
  const labels = view.rows.map((row) => row.label);
  return {
    type: 'bar',
    data: {
      labels,
      datasets: view.levels.map((level, position) => ({
        label: level.label,
        data: view.rows.map((row) => row.shares[position] ?? null),
        backgroundColor: palette.series[position % palette.series.length]!,
        borderColor: palette.background,
        borderWidth: 1,
        barPercentage: 0.85,
        categoryPercentage: 0.9,
      })),
    },
    options: {
      ...common(input),
      indexAxis: 'y',
      scales: { x: percentAxis(palette, language, { min: 0, max: 100, stacked: true }), y: categoryAxis(palette, labels, true) },
      plugins: {
        legend: { display: true, position: 'bottom', labels: { color: palette.text, font: font(palette) } },
        tooltip: {
          ...tooltip(palette),
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => view.rows[items[0]?.dataIndex ?? 0]?.label ?? '',
            label: (item: TooltipItem<'bar'>) => {
              const row = view.rows[item.dataIndex]!;
              return `${view.levels[item.datasetIndex]?.label ?? ''}: ${formatPercent(row.shares[item.datasetIndex], language)} (${formatCount(row.counts[item.datasetIndex] ?? 0, language)})`;
            },
          },
        },
      },
    },
  };
}

export function progressChart(view: ProgressView, input: ChartInput): ChartConfiguration<'bar', (number | null)[], string> {
  const { palette, language } = input;
  const labels = view.rows.map((row) => row.label);
  const figure = (row: ProgressView['rows'][number]) =>
    row.planned === undefined ? formatCount(row.collected, language) : `${formatCount(row.collected, language)} / ${formatCount(row.planned, language)} (${formatPercent(row.share, language)})`;
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: text('collected', language),
          data: view.rows.map((row) => row.collected),
          backgroundColor: palette.primary,
          grouped: false,
          order: 1,
          barPercentage: 0.55,
          categoryPercentage: 0.9,
        },
        {
          label: text('planned', language),
          data: view.rows.map((row) => row.planned ?? null),
          backgroundColor: palette.planned,
          borderColor: palette.plannedBorder,
          borderWidth: 2,
          grouped: false,
          order: 2,
          barPercentage: 0.9,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      ...common(input),
      indexAxis: 'y',
      scales: {
        x: { min: 0, grace: '30%', grid: { color: palette.grid }, border: { color: palette.muted }, ticks: { color: palette.text, font: font(palette), precision: 0, maxRotation: 0 } },
        y: categoryAxis(palette, labels),
      },
      plugins: {
        legend: { display: true, position: 'bottom', labels: { color: palette.text, font: font(palette) } },
        tooltip: {
          ...tooltip(palette),
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => view.rows[items[0]?.dataIndex ?? 0]?.label ?? '',
            label: (item: TooltipItem<'bar'>) => figure(view.rows[item.dataIndex]!),
          },
        },
      },
    },
    plugins: [valueLabels(view.rows.map(figure), palette, 'after')],
  };
}

