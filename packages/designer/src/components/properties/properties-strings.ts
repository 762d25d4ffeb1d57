/** Every word the property panel shows on its own, in Vietnamese (the default) and English. */
import { translator } from '@sipas/schema';

const PROPERTIES_STRINGS = {
  panel: { vi: 'Thuộc tính', en: 'Properties' },
  ofQuestionnaire: { vi: 'Bảng hỏi', en: 'Questionnaire' },
  ofPage: { vi: 'Trang “{0}”', en: 'Page “{0}”' },
  ofSection: { vi: 'Phần “{0}”', en: 'Section “{0}”' },
  ofQuestion: { vi: 'Câu hỏi “{0}” ({1})', en: 'Question “{0}” ({1})' },
  notFound: { vi: 'Không tìm thấy phần tử “{0}”.', en: 'No element named “{0}”.' },
  unknownType: { vi: 'Loại câu hỏi “{0}” chưa được đăng ký; chỉ sửa được trong JSON.', en: 'Question type “{0}” is not registered; edit it in the JSON.' },
  editing: { vi: 'Đang sửa bản {0}', en: 'Editing the {0} text' },

  groupGeneral: { vi: 'Chung', en: 'General' },
  groupChoices: { vi: 'Lựa chọn', en: 'Choices' },
  groupLogic: { vi: 'Logic', en: 'Logic' },
  groupValidation: { vi: 'Kiểm tra hợp lệ', en: 'Validation' },
  groupIndex: { vi: 'Chỉ số SIPAS', en: 'SIPAS index' },

  editOf: { vi: 'Sửa {0} của {1}', en: 'Edit {0} of {1}' },
  theQuestionnaire: { vi: 'bảng hỏi', en: 'the questionnaire' },
  languageVi: { vi: 'tiếng Việt', en: 'Vietnamese' },
  languageEn: { vi: 'tiếng Anh', en: 'English' },
  otherLanguage: { vi: 'Bản {0}:', en: '{0}:' },
  notTranslated: { vi: 'Bản {0}: (chưa có)', en: '{0}: (none yet)' },
  notSet: { vi: '(không đặt)', en: '(not set)' },
  addCondition: { vi: 'Thêm điều kiện', en: 'Add a condition' },
  addConditionTo: { vi: 'Thêm điều kiện: {0}', en: 'Add a condition: {0}' },
  commaSeparated: { vi: 'Cách nhau bằng dấu phẩy, ví dụ: vi, en', en: 'Separated by commas, e.g. vi, en' },
  jsonHint: { vi: 'Giá trị dạng JSON', en: 'Value as JSON' },
  customLabel: { vi: 'Nhãn riêng của {0} (để trống: nhãn chuẩn)', en: 'Own label of {0} (empty: the standard one)' },

  required: { vi: 'Bắt buộc nhập.', en: 'Required.' },
  vietnameseNeeded: { vi: 'Nhập bản tiếng Việt trước khi dịch.', en: 'Enter the Vietnamese text before translating it.' },
  vietnameseKept: { vi: 'Không thể xóa bản tiếng Việt khi còn bản dịch khác.', en: 'The Vietnamese text cannot be removed while translations remain.' },
  nameInvalid: {
    vi: 'Tên phải bắt đầu bằng chữ cái, chỉ gồm chữ không dấu, chữ số và dấu gạch dưới (_).',
    en: 'A name starts with a letter and has only ASCII letters, digits and underscores (_).',
  },
  tooLong: { vi: 'Dài tối đa {0} ký tự.', en: 'At most {0} characters.' },
  nameUsed: { vi: 'Tên “{0}” đã được dùng trong bảng hỏi.', en: 'The name “{0}” is already used in the questionnaire.' },
  codeInvalid: {
    vi: 'Mã bắt đầu bằng chữ hoặc số, chỉ gồm chữ không dấu, chữ số và các dấu _ . -',
    en: 'A code starts with a letter or digit and has only ASCII letters, digits and _ . -',
  },
  patternMismatch: { vi: 'Giá trị không đúng mẫu {0}.', en: 'The value does not match {0}.' },
  numberInvalid: { vi: 'Nhập một số.', en: 'Enter a number.' },
  integerInvalid: { vi: 'Nhập một số nguyên.', en: 'Enter a whole number.' },
  numberMin: { vi: 'Nhỏ nhất là {0}.', en: 'The least is {0}.' },
  numberMax: { vi: 'Lớn nhất là {0}.', en: 'The most is {0}.' },
  jsonInvalid: { vi: 'JSON không hợp lệ: {0}', en: 'Invalid JSON: {0}' },
  localeInvalid: { vi: 'Mã ngôn ngữ không hợp lệ: {0}', en: 'Invalid language code: {0}' },
  localesNeedVi: { vi: 'Danh sách ngôn ngữ phải có vi.', en: 'The languages must include vi.' },

  value: { vi: 'Giá trị', en: 'Value' },
  text: { vi: 'Nội dung', en: 'Text' },
  code: { vi: 'Mã', en: 'Code' },
  visibleIf: { vi: 'Hiện khi', en: 'Visible if' },
  choiceN: { vi: 'lựa chọn {0}', en: 'choice {0}' },
  rowN: { vi: 'dòng {0}', en: 'row {0}' },
  levelN: { vi: 'mức {0}', en: 'level {0}' },
  fieldOf: { vi: '{0} của {1}', en: '{0} of {1}' },
  addChoice: { vi: 'Thêm lựa chọn', en: 'Add a choice' },
  addRow: { vi: 'Thêm dòng', en: 'Add a row' },
  addLevel: { vi: 'Thêm mức', en: 'Add a level' },
  up: { vi: 'Lên', en: 'Up' },
  down: { vi: 'Xuống', en: 'Down' },
  remove: { vi: 'Xóa', en: 'Remove' },
  moveUp: { vi: 'Chuyển {0} lên', en: 'Move {0} up' },
  moveDown: { vi: 'Chuyển {0} xuống', en: 'Move {0} down' },
  removeItem: { vi: 'Xóa {0}', en: 'Remove {0}' },
  reorderHelp: { vi: 'Alt + mũi tên lên/xuống trong một dòng để đổi thứ tự.', en: 'Alt + up/down arrow in a row changes the order.' },
  duplicateValue: { vi: 'Giá trị trùng với {0}.', en: 'The value repeats {0}.' },
  bulkPaste: { vi: 'Dán nhiều dòng', en: 'Paste several lines' },
  bulkHelpChoices: {
    vi: 'Mỗi dòng một lựa chọn: “giá trị|nội dung” hoặc chỉ nội dung (giá trị được đánh số tiếp theo).',
    en: 'One choice a line: “value|text”, or just the text (values are numbered on).',
  },
  bulkHelpRows: {
    vi: 'Mỗi dòng một tiêu chí: “giá trị|nội dung|mã” hoặc chỉ nội dung.',
    en: 'One row a line: “value|text|code”, or just the text.',
  },
  bulkAdd: { vi: 'Thêm các dòng', en: 'Add the lines' },
  bulkBadLines: { vi: 'Giá trị không hợp lệ ở dòng {0}; chưa thêm gì.', en: 'Invalid value on line {0}; nothing added.' },
  bulkEmpty: { vi: 'Chưa có dòng nào để thêm.', en: 'There are no lines to add.' },
  added: { vi: 'Đã thêm {0} dòng.', en: '{0} lines added.' },
  moved: { vi: 'Đã chuyển {0} đến vị trí {1}.', en: '{0} moved to position {1}.' },
  removed: { vi: 'Đã xóa {0}.', en: '{0} removed.' },

  scaleStandard: { vi: 'Thang chuẩn', en: 'Standard scales' },
  scaleDeclared: { vi: 'Thang khai báo trong bảng hỏi', en: 'Scales of this questionnaire' },
  scaleCustom: { vi: 'Thang riêng (nhập các mức)', en: 'Own scale (enter the levels)' },
  scaleMissing: { vi: '{0} (không tìm thấy)', en: '{0} (not found)' },
  scaleMissingError: { vi: 'Không có thang “{0}”.', en: 'There is no scale “{0}”.' },
  scaleLevels: { vi: 'Các mức của thang', en: 'Levels of the scale' },

  rule: { vi: 'Quy tắc {0}', en: 'Rule {0}' },
  ruleType: { vi: 'Loại quy tắc', en: 'Rule type' },
  newRuleType: { vi: 'Loại quy tắc mới', en: 'New rule type' },
  range: { vi: 'Khoảng giá trị', en: 'Range' },
  length: { vi: 'Độ dài (ký tự)', en: 'Length (characters)' },
  pattern: { vi: 'Mẫu (biểu thức chính quy)', en: 'Pattern (regular expression)' },
  count: { vi: 'Số lựa chọn được chọn', en: 'Number of selected options' },
  expression: { vi: 'Điều kiện', en: 'Condition' },
  min: { vi: 'Nhỏ nhất', en: 'Minimum' },
  max: { vi: 'Lớn nhất', en: 'Maximum' },
  patternField: { vi: 'Mẫu', en: 'Pattern' },
  expressionField: { vi: 'Điều kiện phải đúng', en: 'Condition that must hold' },
  message: { vi: 'Thông báo khi không đạt', en: 'Message when not met' },
  addRule: { vi: 'Thêm quy tắc', en: 'Add a rule' },
  removeRule: { vi: 'Xóa quy tắc {0}', en: 'Remove rule {0}' },
  noRules: { vi: 'Chưa có quy tắc nào.', en: 'No rules yet.' },
  regexInvalid: { vi: 'Mẫu không hợp lệ: {0}', en: 'Invalid pattern: {0}' },
  boundsNeeded: { vi: 'Cần ít nhất giá trị nhỏ nhất hoặc lớn nhất.', en: 'Give a minimum, a maximum or both.' },

  indexComponent: { vi: 'Thuộc thành phần chỉ số', en: 'Index component' },
  noComponent: { vi: '(Không thuộc chỉ số)', en: '(Not in the index)' },
  needCode: { vi: 'Nhập mã tiêu chí để đưa câu hỏi vào chỉ số.', en: 'Enter a criterion code to put the question in the index.' },
  codesMissing: { vi: 'Mã {0} chưa có trong mô hình chỉ số.', en: 'Code {0} is not in the index model.' },
  linkTo: { vi: 'Đưa {0} vào thành phần {1}', en: 'Put {0} under component {1}' },
  unlink: { vi: 'Bỏ {0} khỏi chỉ số', en: 'Take {0} out of the index' },
} satisfies Record<string, { vi: string; en: string }>;

export type PropertiesStringKey = keyof typeof PROPERTIES_STRINGS;

/** A property panel string in the given language, `{0}`… filled in. */
export const pt = translator(PROPERTIES_STRINGS);

/** Words for the enum values of the format's own properties; other values are shown as written. */
const ENUM_WORDS: Record<string, { vi: string; en: string }> = {
  text: { vi: 'Chữ', en: 'Text' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  tel: { vi: 'Số điện thoại', en: 'Telephone' },
  number: { vi: 'Số', en: 'Number' },
  date: { vi: 'Ngày', en: 'Date' },
  buttons: { vi: 'Nút bấm', en: 'Buttons' },
  stars: { vi: 'Ngôi sao', en: 'Stars' },
  faces: { vi: 'Khuôn mặt', en: 'Faces' },
  onHidden: { vi: 'Ngay khi câu hỏi bị ẩn', en: 'As soon as hidden' },
  onComplete: { vi: 'Khi hoàn thành phiếu', en: 'On completion' },
  never: { vi: 'Không bao giờ', en: 'Never' },
  units: { vi: 'Đơn vị', en: 'Units' },
  serviceFields: { vi: 'Lĩnh vực', en: 'Service fields' },
};

export const enumWord = (value: unknown, lang: string): string => {
  const words = typeof value === 'string' && Object.hasOwn(ENUM_WORDS, value) ? ENUM_WORDS[value] : undefined;
  return words ? `${lang === 'en' ? words.en : words.vi} (${String(value)})` : String(value);
};
