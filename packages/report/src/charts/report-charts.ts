/**
 * Keeps the dashboard's chart.js instances in step with what the element renders: a chart is
 * created when its canvas appears, drawn again when its data, language or colours change, and
 * destroyed when its canvas goes or the element leaves the page (no instances, observers or
 * listeners are left behind). Also follows the system's colour scheme, forced colours and reduced
 * motion, and redraws the charts at paper size around printing.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChartConfiguration } from 'chart.js';
import { Chart } from './chart-setup.js';
import type { DrawMode } from './chart-configs.js';
import { readPalette, type ChartPalette } from './palette.js';

/** One chart the element shows: which canvas, how many bars (for its height), and how to configure it. */
export interface ChartRequest {
  key: string;
  /** Number of bars of a horizontal bar chart: the canvas grows with it. */
  rows?: number;
  /** What the configuration depends on besides palette and mode (data and language), as a string. */
  signature: string;
  /** The configuration in these colours and this mode (the request knows its data and language). */
  build: (palette: ChartPalette, mode: DrawMode) => ChartConfiguration<'bar' | 'line', (number | null)[], string>;
}

interface Drawn {
  chart: Chart<'bar' | 'line', (number | null)[], string>;
  canvas: HTMLCanvasElement;
  signature: string;
}

/** Width of a chart on A4 paper with 10 mm margins, in CSS pixels (190 mm at 96 px per inch). */
export const PRINT_WIDTH_PX = 718;

const MEDIA_QUERIES = ['(prefers-color-scheme: dark)', '(forced-colors: active)', '(prefers-reduced-motion: reduce)', '(prefers-contrast: more)'];

export class ReportCharts implements ReactiveController {
  private readonly drawn = new Map<string, Drawn>();
  private requests: ChartRequest[] = [];
  private printing = false;
  private readonly mediaLists: MediaQueryList[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    /** The dashboard's frame: it holds the canvases and the colour swatches. */
    private readonly frame: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const query of MEDIA_QUERIES) {
      const list = window.matchMedia(query);
      list.addEventListener('change', this.handleMediaChange);
      this.mediaLists.push(list);
    }
    window.addEventListener('beforeprint', this.handleBeforePrint);
    window.addEventListener('afterprint', this.handleAfterPrint);
    // Back on the page: the charts destroyed on leaving are drawn again.
    if (this.requests.length > 0) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    for (const list of this.mediaLists) list.removeEventListener('change', this.handleMediaChange);
    this.mediaLists.length = 0;
    window.removeEventListener('beforeprint', this.handleBeforePrint);
    window.removeEventListener('afterprint', this.handleAfterPrint);
    this.destroyAll();
  }

  /** The chart drawn on a canvas, if any (tests and the element's own checks). */
  chart(key: string): Chart | undefined {
    return this.drawn.get(key)?.chart as Chart | undefined;
  }

  /** Called after every render with the charts the element now shows. */
  sync(requests: ChartRequest[]): void {
    this.requests = requests;
    this.draw(false);
  }

  private draw(force: boolean): void {
    const frame = this.frame();
    if (!frame || !this.host.isConnected) {
      this.destroyAll();
      return;
    }
    const wanted = new Set(this.requests.map((request) => request.key));
    for (const [key, drawn] of this.drawn) {
      if (!wanted.has(key) || !drawn.canvas.isConnected) this.destroy(key);
    }
    if (this.requests.length === 0) return;
    const palette = readPalette(frame);
    const mode = this.drawMode();
    const paletteSignature = JSON.stringify([palette, mode]);
    for (const request of this.requests) {
      const canvas = frame.querySelector<HTMLCanvasElement>(`canvas[data-chart="${request.key}"]`);
      const current = this.drawn.get(request.key);
      if (!canvas) {
        if (current) this.destroy(request.key);
        continue;
      }
      const signature = `${request.signature}\n${paletteSignature}`;
      if (!force && current && current.canvas === canvas && current.signature === signature) continue;
      if (current) this.destroy(request.key);
      this.create(request, canvas, signature, palette, mode);
    }
  }

  private drawMode(): DrawMode {
    if (this.printing) return { animate: false, responsive: false, devicePixelRatio: 2 };
    return { animate: !window.matchMedia('(prefers-reduced-motion: reduce)').matches, responsive: true };
  }

  private create(request: ChartRequest, canvas: HTMLCanvasElement, signature: string, palette: ChartPalette, mode: DrawMode): void {
    const box = canvas.parentElement;
    // The height of a bar chart follows its number of bars (CSSOM, which a strict CSP allows).
    if (box && request.rows !== undefined) box.style.setProperty('--_rows', String(Math.max(1, request.rows)));
    if (!mode.responsive) {
      // Paper: a fixed width that fills A4, the height the chart has on screen.
      const height = box?.clientHeight || 320;
      canvas.width = PRINT_WIDTH_PX;
      canvas.height = height;
    }
    const chart = new Chart(canvas, request.build(palette, mode));
    this.drawn.set(request.key, { chart, canvas, signature });
  }

  private destroy(key: string): void {
    const drawn = this.drawn.get(key);
    if (!drawn) return;
    drawn.chart.destroy();
    // Paper sizes set for printing must not stay on the canvas drawn next on screen.
    drawn.canvas.removeAttribute('width');
    drawn.canvas.removeAttribute('height');
    this.drawn.delete(key);
  }

  private destroyAll(): void {
    for (const key of [...this.drawn.keys()]) this.destroy(key);
  }

  private readonly handleMediaChange = (): void => this.draw(true);

  private readonly handleBeforePrint = (): void => {
    this.printing = true;
    // Paper is white: the frame takes the light palette while printing, whatever the screen's scheme.
    this.frame()?.classList.add('printing');
    this.draw(true);
  };

  private readonly handleAfterPrint = (): void => {
    this.printing = false;
    this.frame()?.classList.remove('printing');
    this.draw(true);
  };
}
