/**
 * Collection progress: responses received per unit and channel against the planned sample
 * (`questionnaires.planned_sample`), counted by the database (`group by unit, channel`).
 */
import { CHANNELS, flattenHierarchy, type Hierarchy, type LocalizedString } from '@sipas/schema';
import type { Database } from '../db/database.js';
import { selectionConditions, type ResponseSelection } from './response-selection.js';

export interface ProgressCounts {
  /** Planned responses; null when no plan covers it. */
  planned: number | null;
  collected: number;
  /** collected / planned as a fraction (0.5 = half; above 1 when more came in than planned), not rounded; null without a plan or with a plan of 0. */
  share: number | null;
  /** Responses per channel: every channel of the format, 0 when none. */
  byChannel: Record<string, number>;
}

export interface UnitProgress extends ProgressCounts {
  /** The unit id; null for responses that name no unit. */
  unit: string | null;
  /** The unit's name in the questionnaire's unit tree (`sipas.units`), or null when it is not there. */
  label: LocalizedString | null;
}

export interface ProgressFigures {
  /**
   * Units in the order of the questionnaire's unit tree, then units outside it by id, then the
   * responses without a unit. Every planned unit is listed (collected 0 when nothing came in).
   */
  units: UnitProgress[];
  /** All units together: planned is the sum of the plans (null when there is none), collected every response. */
  total: ProgressCounts;
  /** Responses per channel over all units (the same as total.byChannel). */
  byChannel: Record<string, number>;
  /** When the last selected response was received (ISO 8601, UTC), or null. */
  lastReceivedAt: string | null;
}

export interface ProgressCountRow {
  unit: string | null;
  channel: string;
  collected: number;
  last_received_at: Date | string | null;
}

const emptyChannels = (): Record<string, number> => Object.fromEntries(CHANNELS.map((channel) => [channel, 0]));

const share = (collected: number, planned: number | null): number | null => (planned === null || planned === 0 ? null : collected / planned);

const instant = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

/** Counts per unit and channel, by the database. */
export async function countResponses(db: Database, selection: ResponseSelection): Promise<ProgressCountRow[]> {
  const params: unknown[] = [];
  const conditions = selectionConditions(selection, params);
  const { rows } = await db.query<ProgressCountRow>(
    `select unit, channel, count(*)::int as collected, max(received_at) as last_received_at from responses where ${conditions} group by unit, channel`,
    params,
  );
  return rows;
}

/**
 * The progress table from the counts and the plan. `visible` (null for every unit) keeps a
 * limited account's view to its units: other planned units are left out, like their responses.
 */
export function progressFigures(
  counts: readonly ProgressCountRow[],
  plannedSample: Readonly<Record<string, number>>,
  units: Hierarchy | undefined,
  visible: ReadonlySet<string> | null,
): ProgressFigures {
  const rows = new Map<string | null, UnitProgress>();
  const rowFor = (unit: string | null): UnitProgress => {
    let row = rows.get(unit);
    if (!row) {
      row = { unit, label: null, planned: null, collected: 0, share: null, byChannel: emptyChannels() };
      rows.set(unit, row);
    }
    return row;
  };
  for (const [unit, planned] of Object.entries(plannedSample)) {
    if (visible === null || visible.has(unit)) rowFor(unit).planned = planned;
  }
  const total: ProgressCounts = { planned: null, collected: 0, share: null, byChannel: emptyChannels() };
  let lastReceived: string | null = null;
  for (const count of counts) {
    const row = rowFor(count.unit);
    row.collected += count.collected;
    row.byChannel[count.channel] = (row.byChannel[count.channel] ?? 0) + count.collected;
    total.collected += count.collected;
    total.byChannel[count.channel] = (total.byChannel[count.channel] ?? 0) + count.collected;
    if (count.last_received_at !== null) {
      const received = instant(count.last_received_at);
      if (lastReceived === null || received > lastReceived) lastReceived = received;
    }
  }

  const treeOrder = new Map(flattenHierarchy(units).map((item, position) => [item.id, { position, label: item.label }]));
  for (const row of rows.values()) {
    row.share = share(row.collected, row.planned);
    if (row.unit !== null) row.label = treeOrder.get(row.unit)?.label ?? null;
    if (row.planned !== null) total.planned = (total.planned ?? 0) + row.planned;
  }
  total.share = share(total.collected, total.planned);

  const rank = (row: UnitProgress): [number, string] =>
    row.unit === null ? [2, ''] : treeOrder.has(row.unit) ? [0, String(treeOrder.get(row.unit)!.position).padStart(10, '0')] : [1, row.unit];
  const ordered = [...rows.values()].sort((a, b) => {
    const [groupA, keyA] = rank(a);
    const [groupB, keyB] = rank(b);
    return groupA - groupB || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0);
  });
  return { units: ordered, total, byChannel: { ...total.byChannel }, lastReceivedAt: lastReceived };
}
