/** The words of the checks view, Vietnamese by default. */
import { translator } from '@sipas/schema';

const CHECKS_STRINGS = {
  heading: { vi: 'Kiểm tra phiếu', en: 'Questionnaire checks' },
  counts: { vi: '{0} lỗi, {1} cảnh báo', en: '{0} errors, {1} warnings' },
  errors: { vi: 'Lỗi ({0})', en: 'Errors ({0})' },
  warnings: { vi: 'Cảnh báo ({0})', en: 'Warnings ({0})' },
  errorsHelp: { vi: 'Phải sửa trước khi xuất bản.', en: 'Must be fixed before publishing.' },
  warningsHelp: { vi: 'Nên xem lại; không chặn việc xuất bản.', en: 'Worth a look; they do not block publishing.' },
  allClear: { vi: 'Không có lỗi', en: 'No errors' },
  allClearDetail: { vi: 'Phiếu hợp lệ và không có cảnh báo nào.', en: 'The questionnaire is valid and has no warnings.' },
  noQuestionnaire: { vi: 'Chưa có phiếu để kiểm tra.', en: 'There is no questionnaire to check.' },
  questionnaire: { vi: 'Bảng hỏi', en: 'Questionnaire' },
  page: { vi: 'Trang {0}', en: 'Page {0}' },
  section: { vi: 'Phần {0}', en: 'Section {0}' },
  question: { vi: 'Câu {0}', en: 'Question {0}' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ChecksStringKey = keyof typeof CHECKS_STRINGS;

export const tc: (key: ChecksStringKey, locale: string, ...args: (string | number)[]) => string = translator(CHECKS_STRINGS);
