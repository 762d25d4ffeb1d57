/**
 * The designer shell's own words (top bar, toolbox, canvas, announcements), Vietnamese by default.
 * Each part keeps its words beside it (`*-strings.ts`) with the same `translator`.
 */
import { translator } from '@sipas/schema';

const DESIGNER_STRINGS = {
  designer: { vi: 'Thiết kế phiếu khảo sát', en: 'Questionnaire designer' },
} satisfies Record<string, { vi: string; en: string }>;

export type DesignerStringKey = keyof typeof DESIGNER_STRINGS;

/** A designer string in the given language, `{0}`… filled in. */
export const t = translator(DESIGNER_STRINGS);
