/**
 * Every word the data-entry sheet shows on its own, in Vietnamese (the default) and English. The
 * questionnaire's texts come from the questionnaire.
 */
import { translator } from '@sipas/schema';

const ENTRY_STRINGS = {
  sheetLabel: { vi: 'Nhập phiếu giấy', en: 'Paper form entry' },
  paperForm: { vi: 'Phiếu giấy', en: 'Paper form' },
  serial: { vi: 'Số phiếu', en: 'Form serial number' },
  enumerator: { vi: 'Mã điều tra viên', en: 'Enumerator code' },
  sample: { vi: 'Mẫu', en: 'Sample' },
  official: { vi: 'Chính thức', en: 'Official' },
  reserve: { vi: 'Dự phòng', en: 'Reserve' },
  doubleEntry: { vi: 'Nhập kép (đối chiếu hai lần nhập)', en: 'Double entry (compare two entries)' },
  sessionCount: { vi: 'Đã nhập trong phiên: {0} phiếu', en: 'Entered this session: {0} forms' },
  deviceCount: { vi: 'Trên máy này: {0} phiếu', en: 'On this device: {0} forms' },
  deviceCountMemory: { vi: 'Trên máy này: {0} phiếu (chỉ lưu trong phiên)', en: 'On this device: {0} forms (kept for this session only)' },
  pendingFirst: { vi: 'Chờ nhập lần 2: {0}', en: 'Waiting for a second entry: {0}' },
  item: { vi: 'Câu {0}', en: 'Item {0}' },
  code: { vi: 'Mã', en: 'Code' },
  blank: { vi: 'Bỏ trống', en: 'Blank' },
  spoiled: { vi: 'Hỏng (nhiều ô)', en: 'Spoiled (several boxes)' },
  blankSaid: { vi: 'bỏ trống', en: 'blank' },
  spoiledSaid: { vi: 'không hợp lệ, đánh nhiều ô', en: 'spoiled, several boxes ticked' },
  clearedSaid: { vi: 'đã xóa', en: 'cleared' },
  notEnteredSaid: { vi: 'chưa nhập', en: 'not entered' },
  chosenSaid: { vi: 'chọn {0}', en: '{0} ticked' },
  unchosenSaid: { vi: 'bỏ chọn {0}', en: '{0} unticked' },
  otherOf: { vi: 'Ghi rõ: {0}', en: 'Specify: {0}' },
  other: { vi: 'Khác', en: 'Other' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
  noCode: { vi: 'Câu {0}: không có mã {1}', en: 'Item {0}: there is no code {1}' },
  noSpoiledHere: { vi: 'Câu {0}: ô chữ không đánh dấu hỏng được; gõ nội dung hoặc Enter để bỏ trống', en: 'Item {0}: a text box cannot be spoiled; type the text or press Enter for blank' },
  dropdownHint: { vi: 'Gõ mã số hoặc vài chữ của tên, Enter để chọn', en: 'Type the code or a few letters of the name, Enter to pick' },
  matches: { vi: '{0} kết quả', en: '{0} matches' },
  submit: { vi: 'Lưu phiếu (Enter)', en: 'Save the form (Enter)' },
  clearForm: { vi: 'Xóa phiếu đang nhập', en: 'Clear this form' },
  confirmClear: { vi: 'Bỏ toàn bộ nội dung phiếu đang nhập?', en: 'Discard everything typed into this form?' },
  serialMissing: { vi: 'Chưa nhập số phiếu.', en: 'The form serial number is missing.' },
  serialDuplicate: {
    vi: 'Số phiếu {0} đã được nhập trên máy này ({1}). Kiểm tra lại số in trên phiếu.',
    en: 'Form {0} was already entered on this device ({1}). Check the number printed on the form.',
  },
  serialSecondEntry: { vi: 'Phiếu {0}: lần nhập 2, sẽ đối chiếu với lần 1.', en: 'Form {0}: second entry, to be compared with the first.' },
  notEntered: { vi: 'Câu {0} chưa nhập: gõ mã, hoặc 0 nếu bỏ trống.', en: 'Item {0} is not entered: type a code, or 0 if it is blank.' },
  saved: { vi: 'Đã lưu phiếu số {0}. Nhập phiếu tiếp theo.', en: 'Form {0} saved. Enter the next form.' },
  firstKept: {
    vi: 'Đã giữ lần nhập 1 của phiếu {0} trên máy (chưa gửi). Nhập lại phiếu này lần 2 để đối chiếu.',
    en: 'The first entry of form {0} is kept on this device (not sent). Enter this form again to compare.',
  },
  notAccepted: { vi: 'Phiếu chưa lưu được: {0}', en: 'The form was not saved: {0}' },
  differencesTitle: { vi: 'Hai lần nhập phiếu {0} khác nhau ở {1} mục', en: 'The two entries of form {0} differ in {1} items' },
  differencesHelp: {
    vi: 'Xem phiếu giấy và chọn giá trị đúng cho từng mục: phím 1 = lần 1, 2 = lần 2. Enter để lưu một phiếu.',
    en: 'Check the paper form and pick the right value for each item: key 1 = first entry, 2 = second. Enter saves one response.',
  },
  firstEntry: { vi: 'Lần 1', en: 'First' },
  secondEntry: { vi: 'Lần 2', en: 'Second' },
  resolve: { vi: 'Lưu phiếu đã đối chiếu', en: 'Save the resolved form' },
  cancel: { vi: 'Quay lại sửa', en: 'Back to editing' },
  unresolved: { vi: 'Còn {0} mục chưa chọn giá trị.', en: '{0} items still need a choice.' },
  absent: { vi: '(không có)', en: '(none)' },
  log: { vi: 'Phiếu đã nhập', en: 'Forms entered' },
  saving: { vi: 'đang lưu', en: 'saving' },
  queued: { vi: 'đã lưu trên máy, chờ gửi', en: 'saved on this device, waiting to be sent' },
  sent: { vi: 'đã gửi', en: 'sent' },
  stored: { vi: 'đã lưu', en: 'saved' },
  rejected: { vi: 'máy chủ từ chối', en: 'refused by the server' },
  serverDuplicate: {
    vi: 'Máy chủ đã có phiếu số {0} (trùng số phiếu): phiếu vừa nhập không được lưu.',
    en: 'The server already has form {0} (duplicate serial number): the form just entered was not stored.',
  },
  serverRejected: { vi: 'Máy chủ từ chối phiếu số {0}: {1}', en: 'The server refused form {0}: {1}' },
  reopen: { vi: 'Mở lại phiếu {0} để sửa', en: 'Reopen form {0} to correct it' },
  reopened: { vi: 'Đã mở lại phiếu {0}; sửa rồi lưu lại.', en: 'Form {0} reopened; correct it and save again.' },
  keysTitle: { vi: 'Phím tắt', en: 'Keyboard' },
  key: { vi: 'Phím', en: 'Key' },
  keyAction: { vi: 'Tác dụng', en: 'What it does' },
  help: {
    vi: 'Gõ số để chọn (tự chuyển câu), 0 hoặc - bỏ trống, * đánh nhiều ô, Backspace lùi một câu, Enter/Tab sang câu sau.',
    en: 'Type a digit to pick (moves on by itself), 0 or - blank, * several boxes ticked, Backspace back one item, Enter/Tab next item.',
  },
} as const;

export type EntryStringKey = keyof typeof ENTRY_STRINGS;

/** A sheet string in the language (English or Vietnamese, the fallback), with {0}, {1}… filled in. */
export const entryText = translator(ENTRY_STRINGS);

/** The keyboard map, shown on the sheet and documented in the README: keys, then what they do. */
export const KEY_MAP: readonly { keys: string; vi: string; en: string }[] = [
  { keys: '1 … 9', vi: 'chọn mức / lựa chọn theo mã và tự chuyển câu; câu nhiều lựa chọn: bật/tắt', en: 'pick the level or choice with that code and move on; multiple choice: tick/untick' },
  { keys: '10 … 99', vi: 'danh sách dài: gõ đủ mã (tự chuyển khi không còn mã nào dài hơn), hoặc mã rồi Enter', en: 'long lists: type the whole code (moves on once no longer code starts with it), or the code then Enter' },
  { keys: '0, -', vi: 'bỏ trống (không trả lời) và chuyển câu', en: 'blank (no answer) and move on' },
  { keys: '*', vi: 'hỏng: đánh nhiều ô trên phiếu (không trả lời, ghi vào danh sách hỏng) và chuyển câu', en: 'spoiled: several boxes ticked on paper (no answer, listed as spoiled) and move on' },
  { keys: 'Enter, Tab', vi: 'từ số phiếu: sang câu đầu; ở một câu: sang câu sau (ô trống thì ghi là bỏ trống); Enter ở câu cuối: lưu phiếu', en: 'from the serial: to the first item; on an item: the next one (an empty item is recorded as blank); Enter on the last item: save the form' },
  { keys: 'Shift+Tab', vi: 'từ số phiếu: về mã điều tra viên, mẫu, nhập kép (giữ cho các phiếu sau)', en: 'from the serial: back to the enumerator, sample and double entry (kept for the next forms)' },
  { keys: 'Backspace', vi: 'lùi một câu (khi ô không còn chữ)', en: 'back one item (once the box is empty)' },
  { keys: '↑ ↓', vi: 'lên/xuống một câu, không đổi gì', en: 'up/down one item, changing nothing' },
  { keys: 'Delete', vi: 'xóa câu trả lời và dấu của câu', en: 'clear the item’s answer and marker' },
  { keys: 'Shift+Enter', vi: 'xuống dòng trong ô ý kiến', en: 'new line in a comment' },
  { keys: 'Ctrl+Enter', vi: 'lưu phiếu từ bất kỳ đâu', en: 'save the form from anywhere' },
  { keys: 'Có/không', vi: '1 = có, 2 = không', en: '1 = yes, 2 = no' },
];
