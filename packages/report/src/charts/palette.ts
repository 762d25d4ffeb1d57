/**
 * The colours and font of the charts. A canvas cannot read CSS, so the colours are read from small
 * hidden swatches in the shadow root, each coloured by the stylesheet from the `--sipas-*` tokens:
 * dark mode, forced colours and a site's own tokens all arrive as resolved colours.
 */
import { html, type TemplateResult } from 'lit';

export const SWATCHES = [
  'text',
  'muted',
  'grid',
  'background',
  'primary',
  'on-primary',
  'planned',
  'planned-border',
  'series-1',
  'series-2',
  'series-3',
  'series-4',
  'series-5',
  'series-6',
] as const;

export type SwatchName = (typeof SWATCHES)[number];

export interface ChartPalette {
  text: string;
  muted: string;
  grid: string;
  background: string;
  primary: string;
  onPrimary: string;
  planned: string;
  plannedBorder: string;
  /** Colours of the trend's lines and the expectation levels, the overall index first. */
  series: string[];
  fontFamily: string;
}

/** The swatches, rendered once inside the dashboard's frame. */
export const renderSwatches = (): TemplateResult =>
  html`<div class="swatches" aria-hidden="true">${SWATCHES.map((name) => html`<span data-swatch=${name}></span>`)}</div>`;

export function readPalette(frame: Element): ChartPalette {
  const color = (name: SwatchName): string => {
    const swatch = frame.querySelector(`[data-swatch="${name}"]`);
    return swatch ? getComputedStyle(swatch).color : '#000';
  };
  return {
    text: color('text'),
    muted: color('muted'),
    grid: color('grid'),
    background: color('background'),
    primary: color('primary'),
    onPrimary: color('on-primary'),
    planned: color('planned'),
    plannedBorder: color('planned-border'),
    series: (['series-1', 'series-2', 'series-3', 'series-4', 'series-5', 'series-6'] as const).map(color),
    fontFamily: getComputedStyle(frame).fontFamily || 'system-ui, sans-serif',
  };
}
