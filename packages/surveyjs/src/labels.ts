import type { LocalizedString } from '@sipas/schema';

/**
 * The standard labels of options written as `true`, where SurveyJS needs a text of its own (a
 * grid column, a choice). The same words as the engine's; "other" and "none" written as `true`
 * keep SurveyJS's own localized labels instead.
 */
export const NONE_LABEL: LocalizedString = { vi: 'Không có', en: 'None' };
export const NO_OPINION_LABEL: LocalizedString = { vi: 'Không có ý kiến', en: 'No opinion' };
/** The message of an expression rule imported from a SurveyJS validator without text. */
export const DEFAULT_RULE_MESSAGE: LocalizedString = { vi: 'Câu trả lời chưa hợp lệ.', en: 'This answer is not valid.' };
