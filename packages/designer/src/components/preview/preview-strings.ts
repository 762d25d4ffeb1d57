/** The preview's words, Vietnamese by default. */
import { translator } from '@sipas/schema';

export const previewText = translator({
  device: { vi: 'Kích thước màn hình', en: 'Screen size' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  tablet: { vi: 'Máy tính bảng', en: 'Tablet' },
  desktop: { vi: 'Máy tính', en: 'Desktop' },
  widthHint: { vi: '{0} px', en: '{0} px' },
  language: { vi: 'Ngôn ngữ của phiếu', en: 'Form language' },
  mode: { vi: 'Chế độ', en: 'Mode' },
  modeOnline: { vi: 'Trực tuyến', en: 'Online' },
  modeKiosk: { vi: 'Ki-ốt', en: 'Kiosk' },
  modeEntry: { vi: 'Nhập phiếu giấy', en: 'Paper entry' },
  modePrint: { vi: 'Bản in', en: 'Print' },
  frame: { vi: 'Bản xem trước phiếu ({0}, {1} px)', en: 'Questionnaire preview ({0}, {1} px)' },
  nothingSent: { vi: 'Bản xem trước không gửi câu trả lời đi đâu.', en: 'The preview sends the answers nowhere.' },
  restart: { vi: 'Làm lại', en: 'Start again' },
  submitted: { vi: 'Đã nộp thử. Câu trả lời không được gửi đi.', en: 'Submitted as a test. The answers were not sent.' },
  invalid: { vi: 'Phiếu đang có lỗi, xem mục Kiểm tra.', en: 'The questionnaire has errors; see Checks.' },
  moreErrors: { vi: 'Và {0} lỗi khác.', en: 'And {0} more errors.' },
  loadFailed: { vi: 'Không hiển thị được phiếu ở chế độ này.', en: 'The questionnaire cannot be shown in this mode.' },
  noQuestionnaire: { vi: 'Chưa có phiếu để xem trước.', en: 'There is no questionnaire to preview.' },
});
