/** The words of the JSON view, Vietnamese by default. */
import { translator } from '@sipas/schema';

const JSON_STRINGS = {
  heading: { vi: 'Mã JSON của phiếu', en: 'Questionnaire JSON' },
  editor: { vi: 'Nội dung JSON', en: 'JSON text' },
  help: {
    vi: 'Sửa trực tiếp rồi bấm “Áp dụng”. Phiếu còn lỗi kiểm tra vẫn áp dụng được; lỗi cú pháp thì không.',
    en: 'Edit directly, then press “Apply”. A document with validation errors can still be applied; one with a syntax error cannot.',
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
  syntaxError: { vi: 'Lỗi cú pháp JSON ở dòng {0}, cột {1}: {2}', en: 'JSON syntax error at line {0}, column {1}: {2}' },
  notQuestionnaire: {
    vi: 'Chưa áp dụng được: nội dung phải là một đối tượng JSON có danh sách "pages".',
    en: 'Cannot apply: the text must be a JSON object with a "pages" list.',
  },
  validationErrors: { vi: '{0} lỗi kiểm tra', en: '{0} validation errors' },
  valid: { vi: 'Phiếu hợp lệ.', en: 'The questionnaire is valid.' },
  errorAt: { vi: '{0}: {1}', en: '{0}: {1}' },
  root: { vi: '(gốc)', en: '(root)' },
  goToError: { vi: 'Đến chỗ lỗi', en: 'Go to the error' },
  // Why a JSON text does not parse
  unexpectedEnd: { vi: 'văn bản kết thúc khi chưa đủ', en: 'the text ends too early' },
  unexpectedCharacter: { vi: 'ký tự {0} không đúng chỗ', en: 'unexpected character {0}' },
  expectedColon: { vi: 'thiếu dấu hai chấm sau tên thuộc tính', en: 'a colon is missing after the property name' },
  expectedCommaOrEnd: { vi: 'thiếu dấu phẩy hoặc dấu đóng ngoặc', en: 'a comma or closing bracket is missing' },
  expectedName: { vi: 'tên thuộc tính phải nằm trong dấu ngoặc kép', en: 'a property name must be in double quotes' },
  badString: { vi: 'chuỗi ký tự không hợp lệ (ký tự điều khiển hoặc dấu \\ sai)', en: 'a string is not valid (a control character or a bad \\ escape)' },
  badNumber: { vi: 'số không hợp lệ', en: 'a number is not valid' },
  trailingText: { vi: 'còn nội dung sau khi đã kết thúc tài liệu', en: 'there is text after the end of the document' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type JsonStringKey = keyof typeof JSON_STRINGS;

export const tj: (key: JsonStringKey, locale: string, ...args: (string | number)[]) => string = translator(JSON_STRINGS);
