/** The template gallery's words, Vietnamese by default. */
import { translator } from '@sipas/schema';

export const galleryText = translator({
  title: { vi: 'Chọn mẫu phiếu', en: 'Choose a template' },
  intro: { vi: 'Bắt đầu từ một mẫu phiếu chuẩn (bản sao để sửa, mẫu gốc không đổi) hoặc từ một phiếu trống.', en: 'Start from a standard questionnaire (a copy to edit; the original stays as it is) or from a blank one.' },
  templates: { vi: 'Các mẫu phiếu', en: 'Templates' },
  questions: { vi: '{0} câu hỏi', en: '{0} questions' },
  oneQuestion: { vi: '1 câu hỏi', en: '1 question' },
  source: { vi: 'Nguồn', en: 'Source' },
  legalBasis: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  statusOfficial: { vi: 'Bản chính thức', en: 'Official' },
  statusReconstructed: { vi: 'Bản dựng lại, cần đối chiếu văn bản gốc', en: 'Reconstructed; check against the original' },
  statusDraft: { vi: 'Bản nháp', en: 'Draft' },
  choose: { vi: 'Dùng mẫu “{0}”', en: 'Use the template “{0}”' },
  blankTitle: { vi: 'Phiếu trống', en: 'Blank questionnaire' },
  blankDescription: { vi: 'Một trang, một phần và một câu hỏi văn bản để bắt đầu.', en: 'One page, one section and one text question to start from.' },
  close: { vi: 'Đóng', en: 'Close' },
});

/** What a blank questionnaire starts with: its texts are questionnaire texts, in both languages. */
export const BLANK_TEXTS = {
  title: { vi: 'Phiếu khảo sát mới', en: 'New questionnaire' },
  pageTitle: { vi: 'Trang 1', en: 'Page 1' },
  sectionTitle: { vi: 'Phần 1', en: 'Part 1' },
  questionTitle: { vi: 'Câu hỏi 1', en: 'Question 1' },
} as const;
