/**
 * Every word the form runtime shows on its own, in Vietnamese (the default) and English. The
 * questionnaire's own texts come from the questionnaire; these are the buttons, states and notices.
 */
import { inLanguage, languageOf, translator } from '@sipas/schema';

const UI_STRINGS = {
  back: { vi: 'Quay lại', en: 'Back' },
  next: { vi: 'Tiếp theo', en: 'Next' },
  submit: { vi: 'Gửi phiếu', en: 'Submit' },
  pageOf: { vi: 'Trang {0}/{1}', en: 'Page {0} of {1}' },
  progress: { vi: 'Tiến độ trả lời', en: 'Progress' },
  answered: { vi: 'Đã trả lời {0}/{1} câu', en: '{0} of {1} questions answered' },
  required: { vi: '(bắt buộc)', en: '(required)' },
  errorSummary: { vi: 'Có {0} câu cần xem lại:', en: '{0} questions need your attention:' },
  errorSummaryOne: { vi: 'Có 1 câu cần xem lại:', en: 'One question needs your attention:' },
  navigation: { vi: 'Chuyển trang', en: 'Page navigation' },
  loading: { vi: 'Đang tải phiếu khảo sát…', en: 'Loading the questionnaire…' },
  loadFailed: { vi: 'Không tải được phiếu khảo sát.', en: 'The questionnaire could not be loaded.' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  thanksTitle: { vi: 'Cảm ơn Ông/Bà đã tham gia khảo sát!', en: 'Thank you for taking part in the survey!' },
  thanksText: {
    vi: 'Ý kiến của Ông/Bà giúp cơ quan hành chính phục vụ người dân, tổ chức tốt hơn.',
    en: 'Your views help public administration serve people and organisations better.',
  },
  saving: { vi: 'Đang lưu phiếu…', en: 'Saving your answers…' },
  queued: { vi: 'Đã lưu trên máy, sẽ gửi khi có mạng.', en: 'Saved on this device; it will be sent when you are online.' },
  sent: { vi: 'Phiếu đã được gửi thành công.', en: 'Your answers have been sent.' },
  rejected: { vi: 'Máy chủ chưa nhận phiếu vì các lỗi sau:', en: 'The server did not accept the answers because of:' },
  fixAnswers: { vi: 'Sửa câu trả lời', en: 'Change my answers' },
  notPersistent: {
    vi: 'Trình duyệt không cho lưu dữ liệu trên máy; vui lòng giữ trang mở đến khi phiếu được gửi.',
    en: 'This browser does not allow saving on the device; please keep the page open until the answers are sent.',
  },
  draftRestored: { vi: 'Đã khôi phục bài đang làm dở trên máy này.', en: 'Your unfinished answers on this device were restored.' },
  startOver: { vi: 'Làm lại từ đầu', en: 'Start over' },
  newResponse: { vi: 'Trả lời phiếu mới', en: 'Start a new response' },
  alreadySubmitted: {
    vi: 'Thiết bị này đã gửi phiếu cho cuộc khảo sát này. Cảm ơn Ông/Bà!',
    en: 'This device has already sent a response to this survey. Thank you!',
  },
  otherPlaceholder: { vi: 'Ghi rõ', en: 'Please specify' },
  otherLabel: { vi: 'Ghi rõ lựa chọn khác', en: 'Specify the other option' },
  choose: { vi: '— Chọn —', en: '— Choose —' },
  unknownType: { vi: 'Loại câu hỏi "{0}" chưa được hỗ trợ trên trang này.', en: 'Question type "{0}" is not supported on this page.' },
} as const;

export type UiStringKey = keyof typeof UI_STRINGS;

/** A UI string in the form's language (English or Vietnamese, the fallback), with {0}, {1}… filled in. */
export const ui = translator(UI_STRINGS);

/** Both languages of a UI string, for messages that travel in events. */
export const uiMessage = (key: UiStringKey): { vi: string; en: string } => ({ vi: UI_STRINGS[key].vi, en: UI_STRINGS[key].en });

export { inLanguage, languageOf };
