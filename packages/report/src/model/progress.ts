/** Collection progress against the planned sample. */
import { channelName, text } from '../i18n.js';
import type { CollectionProgress } from '../types.js';
import { ReportLabels } from './labels.js';
import { isObject } from './normalize.js';

export interface ProgressRow {
  unit: string;
  label: string;
  planned: number | undefined;
  collected: number;
  /** Percent of the plan collected, or null without a plan. */
  share: number | null;
}

export interface ProgressView {
  rows: ProgressRow[];
  planned: number | undefined;
  collected: number;
  share: number | null;
  channels: { channel: string; label: string; count: number }[];
  lastReceivedAt?: string;
}

const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);

/** Percent of the plan: from the counts when there is a plan, else the given fraction. */
const shareOf = (collected: number, planned: number | undefined, given: unknown): number | null => {
  if (planned !== undefined && planned > 0) return (collected / planned) * 100;
  const fraction = count(given);
  return fraction === undefined ? null : fraction * 100;
};

export function progressView(progress: CollectionProgress | undefined, labels: ReportLabels): ProgressView | undefined {
  if (!isObject(progress) || !Array.isArray(progress.units)) return undefined;
  const rows = progress.units
    .filter((unit) => isObject(unit) && (typeof unit.unit === 'string' || unit.unit === null))
    .map((unit): ProgressRow => {
      const planned = count(unit.planned);
      const collected = count(unit.collected) ?? 0;
      // `unit: null` counts the responses that name no unit.
      const id = unit.unit ?? '';
      const label = unit.unit === null ? text('noUnit', labels.language) : unit.label ? labels.localize(unit.label, id) : labels.unit(id);
      return { unit: id, label, planned, collected, share: shareOf(collected, planned, unit.share) };
    });
  const total = progress.total;
  const summedPlan = rows.every((row) => row.planned !== undefined) && rows.length > 0 ? rows.reduce((sum, row) => sum + row.planned!, 0) : undefined;
  const collected = typeof total === 'number' ? total : isObject(total) ? (count(total.collected) ?? 0) : rows.reduce((sum, row) => sum + row.collected, 0);
  const planned = isObject(total) ? (count(total.planned) ?? summedPlan) : summedPlan;
  // Channels nobody used are left out (the server lists every channel of the format).
  const channels = Object.entries(isObject(progress.byChannel) ? progress.byChannel : {})
    .filter((entry): entry is [string, number] => (count(entry[1]) ?? 0) > 0)
    .map(([channel, value]) => ({ channel, label: channelName(channel, labels.language), count: value }));
  return {
    rows,
    planned,
    collected,
    share: shareOf(collected, planned, isObject(total) ? total.share : undefined),
    channels,
    ...(typeof progress.lastReceivedAt === 'string' ? { lastReceivedAt: progress.lastReceivedAt } : {}),
  };
}

// --- filters ------------------------------------------------------------------------------------
