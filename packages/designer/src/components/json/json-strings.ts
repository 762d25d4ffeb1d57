/** The words of the JSON view, Vietnamese by default. */
import { translator } from '@sipas/schema';

const JSON_STRINGS = {
  heading: { vi: 'Mã JSON của phiếu', en: 'Questionnaire JSON' },
  editor: { vi: 'Nội dung JSON', en: 'JSON text' },
  help: {
    vi: 'Sửa trực tiếp rồi bấm “Áp dụng”. Phiếu còn lỗi kiểm tra vẫn áp dụng được; phiếu có lỗi cú pháp hoặc thiếu cấu trúc trang, phần, câu hỏi thì không.',
    en: 'Edit directly, then press “Apply”. A document with validation errors can still be applied; one with a syntax error or without its pages, sections and questions cannot.',
  },
  apply: { vi: 'Áp dụng', en: 'Apply' },
  revert: { vi: 'Hoàn tác thay đổi', en: 'Discard changes' },
  applyEdit: { vi: 'Sửa mã JSON', en: 'Edit the JSON' },
  unchanged: { vi: 'Chưa có thay đổi.', en: 'No changes yet.' },
  modified: { vi: 'Đã sửa, chưa áp dụng.', en: 'Edited, not applied yet.' },
  applied: { vi: 'Đã áp dụng.', en: 'Applied.' },
  outsideChange: {
    vi: 'Phiếu vừa được thay đổi ở chỗ khác. Nội dung bạn đang sửa được giữ nguyên; bấm “Hoàn tác thay đổi” để xem bản mới.',
    en: 'The questionnaire was changed elsewhere. Your edited text is kept; press “Discard changes” to see the new version.',
  },
  notQuestionnaire: {
    vi: 'Chưa áp dụng được: phiếu thiếu cấu trúc trang, phần, câu hỏi mà trình thiết kế cần. Sửa các chỗ sau:',
    en: 'Cannot apply: the document lacks the pages, sections and questions the designer needs. Fix these places:',
  },
  validationErrors: { vi: '{0} lỗi kiểm tra', en: '{0} validation errors' },
  valid: { vi: 'Phiếu hợp lệ.', en: 'The questionnaire is valid.' },
  errorAt: { vi: '{0}: {1}', en: '{0}: {1}' },
  root: { vi: '(gốc)', en: '(root)' },
  goToError: { vi: 'Đến chỗ lỗi', en: 'Go to the error' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type JsonStringKey = keyof typeof JSON_STRINGS;

export const tj: (key: JsonStringKey, locale: string, ...args: (string | number)[]) => string = translator(JSON_STRINGS);
