/**
 * The words the paper form adds on its own (the masthead, the instructions, the skip instructions),
 * in Vietnamese (the default) and English. The questionnaire's own texts come from the questionnaire.
 */
import { languageOf, translator } from '@sipas/schema';

const PRINT_WORDS = {
  staffBox: { vi: 'Phần dành cho điều tra viên', en: 'For the enumerator' },
  serial: { vi: 'Số phiếu', en: 'Form no.' },
  enumerator: { vi: 'Mã điều tra viên', en: 'Enumerator code' },
  sample: { vi: 'Mẫu', en: 'Sample' },
  official: { vi: 'Chính thức', en: 'Official' },
  reserve: { vi: 'Dự phòng', en: 'Reserve' },
  template: { vi: 'Mẫu phiếu {0}, phiên bản {1}', en: 'Form {0}, version {1}' },
  periodRange: { vi: 'Từ {0} đến {1}', en: 'From {0} to {1}' },
  instructionsTitle: { vi: 'Hướng dẫn trả lời', en: 'How to answer' },
  instructionTick: {
    vi: 'Đánh dấu {0} vào ô {1} phù hợp với ý kiến của Ông/Bà. Mỗi câu, mỗi dòng chỉ đánh dấu một ô, trừ câu có ghi “có thể chọn nhiều ô”.',
    en: 'Mark {0} in the box {1} that matches your view. Mark one box per question or row, unless the question says “you may tick several boxes”.',
  },
  instructionWrite: { vi: 'Với câu hỏi mở, ghi câu trả lời vào các dòng kẻ sẵn.', en: 'Write open answers on the lines.' },
  instructionSkip: {
    vi: 'Câu có ghi “Chỉ trả lời nếu …”: bỏ qua câu đó khi điều kiện không đúng với Ông/Bà.',
    en: 'A question marked “Answer only if …”: skip it when the condition does not apply to you.',
  },
  multiple: { vi: '(Có thể chọn nhiều ô)', en: '(You may tick several boxes)' },
  specify: { vi: 'ghi rõ', en: 'please specify' },
  writeIn: { vi: 'Ghi rõ', en: 'Write in' },
  date: { vi: 'Ngày …… tháng …… năm ………', en: 'Day …… month …… year ………' },
  criterion: { vi: 'Nội dung', en: 'Statement' },
  code: { vi: 'Mã', en: 'Code' },
  thanks: { vi: 'Xin trân trọng cảm ơn Ông/Bà!', en: 'Thank you for your answers!' },
  // Skip instructions: "(Chỉ trả lời nếu câu 12 là “Có”)".
  onlyIfQuestion: { vi: 'Chỉ trả lời nếu {0}', en: 'Answer only if {0}' },
  onlyIfPart: { vi: 'Chỉ trả lời phần này nếu {0}', en: 'Answer this part only if {0}' },
  onlyIfRows: { vi: 'Các dòng {0}: chỉ trả lời nếu {1}', en: 'Rows {0}: answer only if {1}' },
  onlyIfChoice: { vi: 'chỉ chọn nếu {0}', en: 'only if {0}' },
  question: { vi: 'câu {0}', en: 'question {0}' },
  questions: { vi: 'câu {0}', en: 'questions {0}' },
  inQuestionRow: { vi: 'ở câu {0}, dòng {1}', en: 'in question {0}, row {1}' },
  row: { vi: 'dòng {0}', en: 'row {0}' },
  is: { vi: '{0} là {1}', en: '{0} is {1}' },
  isNot: { vi: '{0} không phải là {1}', en: '{0} is not {1}' },
  isAnswered: { vi: '{0} có trả lời', en: '{0} is answered' },
  isBlank: { vi: '{0} để trống', en: '{0} is left blank' },
  includes: { vi: '{0} có chọn {1}', en: '{0} includes {1}' },
  includesAll: { vi: '{0} có chọn cả {1}', en: '{0} includes all of {1}' },
  excludes: { vi: '{0} không chọn {1}', en: '{0} does not include {1}' },
  or: { vi: ' hoặc ', en: ' or ' },
  and: { vi: ' và ', en: ' and ' },
  applies: { vi: 'phù hợp với trường hợp của Ông/Bà', en: 'it applies to you' },
  appliesSee: { vi: 'phù hợp với trường hợp của Ông/Bà (xem {0})', en: 'it applies to you (see {0})' },
} as const;

export type PrintWordKey = keyof typeof PRINT_WORDS;

/** The two languages the sheet speaks; any other `lang` gets Vietnamese. */
export type PaperLanguage = 'vi' | 'en';

export const paperLanguage = (lang: string | undefined): PaperLanguage => (languageOf(lang ?? '') === 'en' ? 'en' : 'vi');

/** One of the sheet's words in the language, with {0}, {1}… filled in. */
export const printWord: (key: PrintWordKey, language: PaperLanguage, ...args: (string | number)[]) => string = translator(PRINT_WORDS);

/** Text in typographic quotes: “Có”. */
export const quoted = (text: string): string => `“${text}”`;
