/**
 * The designer shell's own words (top bar, toolbox, canvas, dialogs, announcements), Vietnamese by
 * default. Each part keeps its words beside it (`*-strings.ts`) with the same `translator`.
 */
import { translator } from '@sipas/schema';

const DESIGNER_STRINGS = {
  designer: { vi: 'Thiết kế phiếu khảo sát', en: 'Questionnaire designer' },
  // Top bar
  newDocument: { vi: 'Phiếu mới', en: 'New' },
  open: { vi: 'Mở tệp', en: 'Open' },
  save: { vi: 'Lưu tệp', en: 'Save' },
  undo: { vi: 'Hoàn tác', en: 'Undo' },
  redo: { vi: 'Làm lại', en: 'Redo' },
  undoWhat: { vi: 'Hoàn tác: {0}', en: 'Undo: {0}' },
  redoWhat: { vi: 'Làm lại: {0}', en: 'Redo: {0}' },
  publish: { vi: 'Xuất bản', en: 'Publish' },
  uiLanguage: { vi: 'Ngôn ngữ giao diện', en: 'Interface language' },
  editLanguage: { vi: 'Ngôn ngữ nội dung', en: 'Content language' },
  views: { vi: 'Chế độ xem', en: 'Views' },
  viewDesign: { vi: 'Thiết kế', en: 'Design' },
  viewUnits: { vi: 'Đơn vị & lĩnh vực', en: 'Units & fields' },
  viewTranslations: { vi: 'Bản dịch', en: 'Translations' },
  viewJson: { vi: 'JSON', en: 'JSON' },
  viewPreview: { vi: 'Xem trước', en: 'Preview' },
  viewChecks: { vi: 'Kiểm tra', en: 'Checks' },
  checksBadge: { vi: '{0} lỗi, {1} cảnh báo', en: '{0} errors, {1} warnings' },
  // Toolbox
  toolbox: { vi: 'Hộp công cụ', en: 'Toolbox' },
  searchTypes: { vi: 'Tìm loại câu hỏi', en: 'Search question types' },
  noTypes: { vi: 'Không có loại câu hỏi nào khớp.', en: 'No question type matches.' },
  groupChoice: { vi: 'Lựa chọn', en: 'Choices' },
  groupScale: { vi: 'Thang đánh giá', en: 'Scales' },
  groupText: { vi: 'Nhập chữ', en: 'Text' },
  groupOther: { vi: 'Khác', en: 'Other' },
  toolboxHint: {
    vi: 'Kéo vào trang, hoặc nhấn Enter để thêm sau phần tử đang chọn.',
    en: 'Drag onto the page, or press Enter to add after the selected element.',
  },
  // Canvas
  canvas: { vi: 'Nội dung trang {0}', en: 'Content of page {0}' },
  pages: { vi: 'Các trang', en: 'Pages' },
  pageN: { vi: 'Trang {0}', en: 'Page {0}' },
  addPage: { vi: 'Thêm trang', en: 'Add page' },
  addSection: { vi: 'Thêm phần', en: 'Add section' },
  emptySection: { vi: 'Phần này chưa có câu hỏi. Kéo một loại câu hỏi vào đây.', en: 'This section has no questions yet. Drag a question type here.' },
  duplicate: { vi: 'Nhân bản', en: 'Duplicate' },
  remove: { vi: 'Xóa', en: 'Delete' },
  moveUp: { vi: 'Chuyển lên', en: 'Move up' },
  moveDown: { vi: 'Chuyển xuống', en: 'Move down' },
  dragHandle: { vi: 'Kéo để di chuyển {0}', en: 'Drag to move {0}' },
  questionItem: { vi: '{0}: {1} ({2})', en: '{0}: {1} ({2})' },
  sectionItem: { vi: 'Phần: {0}', en: 'Section: {0}' },
  cannotShow: { vi: 'Chưa hiển thị được câu hỏi này; xem mục Kiểm tra.', en: 'This question cannot be shown yet; see Checks.' },
  canvasHelp: {
    vi: 'Mũi tên lên/xuống: chọn. Alt + mũi tên: di chuyển. Delete: xóa. Ctrl+D: nhân bản. Enter: sửa thuộc tính.',
    en: 'Up/Down arrows: select. Alt + arrows: move. Delete: delete. Ctrl+D: duplicate. Enter: edit properties.',
  },
  // Side panel
  sidePanel: { vi: 'Bảng thuộc tính', en: 'Property panel' },
  tabProperties: { vi: 'Thuộc tính', en: 'Properties' },
  tabLogic: { vi: 'Logic', en: 'Logic' },
  // Edit labels (undo and announcements)
  editInsert: { vi: 'Thêm câu hỏi {0}', en: 'Add question {0}' },
  editMove: { vi: 'Di chuyển {0}', en: 'Move {0}' },
  editRemove: { vi: 'Xóa {0}', en: 'Delete {0}' },
  editDuplicate: { vi: 'Nhân bản {0}', en: 'Duplicate {0}' },
  editAddPage: { vi: 'Thêm trang {0}', en: 'Add page {0}' },
  editAddSection: { vi: 'Thêm phần {0}', en: 'Add section {0}' },
  editRename: { vi: 'Đổi tên {0} thành {1}', en: 'Rename {0} to {1}' },
  editOpen: { vi: 'Mở phiếu {0}', en: 'Open questionnaire {0}' },
  // Announcements
  announceUndo: { vi: 'Đã hoàn tác: {0}', en: 'Undone: {0}' },
  announceRedo: { vi: 'Đã làm lại: {0}', en: 'Redone: {0}' },
  announceMoved: { vi: 'Đã chuyển {0} đến {1}, vị trí {2}', en: 'Moved {0} to {1}, position {2}' },
  announceCannotMove: { vi: 'Không thể chuyển {0} xa hơn', en: '{0} cannot move further' },
  announceInserted: { vi: 'Đã thêm {0} vào {1}, vị trí {2}', en: 'Added {0} to {1}, position {2}' },
  announceRemoved: { vi: 'Đã xóa {0}', en: 'Deleted {0}' },
  announceDrag: { vi: 'Đang kéo {0}. Thả để đặt, Esc để hủy.', en: 'Dragging {0}. Drop to place it, Escape to cancel.' },
  announcePageOpened: { vi: 'Đã mở trang {0}; thả vào vị trí cần đặt', en: 'Opened page {0}; drop where it should go' },
  announceDragCancelled: { vi: 'Đã hủy kéo thả', en: 'Drag cancelled' },
  announceSaved: { vi: 'Đã lưu tệp {0}', en: 'Saved file {0}' },
  announceSavedWithErrors: { vi: 'Đã lưu tệp {0}; phiếu còn {1} lỗi cần sửa trước khi xuất bản', en: 'Saved file {0}; {1} errors remain to fix before publishing' },
  openedWithErrors: { vi: 'Đã mở tệp; phiếu còn {0} lỗi cần sửa (xem mục Kiểm tra).', en: 'The file is open; it has {0} errors to fix (see Checks).' },
  announceOpened: { vi: 'Đã mở {0}', en: 'Opened {0}' },
  // Dialogs
  confirm: { vi: 'Đồng ý', en: 'Confirm' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  close: { vi: 'Đóng', en: 'Close' },
  removeReferenced: {
    vi: 'Xóa {0}? Có {1} chỗ đang tham chiếu đến nó; các điều kiện đó sẽ bị lỗi.',
    en: 'Delete {0}? {1} places refer to it; those conditions will break.',
  },
  renameReferenced: {
    vi: 'Đổi tên {0} thành {1}? {2} chỗ tham chiếu sẽ được cập nhật theo.',
    en: 'Rename {0} to {1}? {2} references will be updated with it.',
  },
  openFailed: { vi: 'Không mở được tệp:', en: 'The file could not be opened:' },
  recoverTitle: { vi: 'Có bản nháp chưa lưu', en: 'Unsaved draft found' },
  recoverText: { vi: 'Bản nháp “{0}” lưu lúc {1} chưa được lưu thành tệp hay xuất bản.', en: 'The draft “{0}” saved at {1} was not saved to a file or published.' },
  recover: { vi: 'Khôi phục', en: 'Recover' },
  discard: { vi: 'Bỏ qua', en: 'Dismiss' },
  autosaveFailed: { vi: 'Không tự động lưu được trên máy này: {0}', en: 'Autosave is not available on this device: {0}' },
} satisfies Record<string, { vi: string; en: string }>;

export type DesignerStringKey = keyof typeof DESIGNER_STRINGS;

/** A designer string in the given language, `{0}`… filled in. */
export const t = translator(DESIGNER_STRINGS);
