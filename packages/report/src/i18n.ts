/**
 * Every word <sipas-report> shows on its own, in Vietnamese (the default) and English. Criteria,
 * units, fields and answer options come from the report and the questionnaire.
 */
import { translator } from '@sipas/schema';

/** A two-language string; anything but English reads Vietnamese, the fallback. */
type Words = { vi: string; en: string };

const REPORT_STRINGS = {
  dashboard: { vi: 'Báo cáo chỉ số hài lòng', en: 'Satisfaction index report' },
  responses: { vi: '{0} phiếu', en: '{0} responses' },
  generatedAt: { vi: 'Cập nhật lúc {0}', en: 'Updated {0}' },
  period: { vi: 'Từ {0} đến {1}', en: 'From {0} to {1}' },
  periodFrom: { vi: 'Từ {0}', en: 'From {0}' },
  periodTo: { vi: 'Đến {0}', en: 'Until {0}' },

  filters: { vi: 'Bộ lọc', en: 'Filters' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  field: { vi: 'Lĩnh vực', en: 'Service field' },
  channel: { vi: 'Kênh thu phiếu', en: 'Channel' },
  allUnits: { vi: 'Tất cả đơn vị', en: 'All units' },
  allFields: { vi: 'Tất cả lĩnh vực', en: 'All fields' },
  allChannels: { vi: 'Tất cả các kênh', en: 'All channels' },
  apply: { vi: 'Áp dụng', en: 'Apply' },
  clear: { vi: 'Xóa bộ lọc', en: 'Clear filters' },
  dateOrder: { vi: '“Từ ngày” phải trước hoặc trùng “Đến ngày”.', en: '“From” must be on or before “To”.' },

  loading: { vi: 'Đang tải báo cáo…', en: 'Loading the report…' },
  noReport: { vi: 'Chưa có dữ liệu báo cáo.', en: 'There is no report data yet.' },
  noResponses: { vi: 'Chưa có phiếu trả lời nào phù hợp với bộ lọc.', en: 'No responses match the filters yet.' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  errorDetail: { vi: 'Chi tiết: {0}', en: 'Details: {0}' },
  errorUnauthorized: { vi: 'Vui lòng đăng nhập để xem báo cáo.', en: 'Please sign in to see the report.' },
  errorForbidden: { vi: 'Tài khoản này không có quyền xem báo cáo.', en: 'This account may not see the report.' },
  errorNotFound: { vi: 'Không tìm thấy báo cáo của bảng hỏi “{0}”.', en: 'No report was found for questionnaire “{0}”.' },
  errorHttp: { vi: 'Máy chủ không trả được báo cáo (mã lỗi {0}).', en: 'The server could not return the report (status {0}).' },
  errorNetwork: { vi: 'Không kết nối được máy chủ báo cáo.', en: 'The report server could not be reached.' },
  errorInvalid: { vi: 'Dữ liệu báo cáo không đúng định dạng.', en: 'The report data is not in the expected format.' },

  indices: { vi: 'Chỉ số hài lòng', en: 'Satisfaction indices' },
  nValid: { vi: 'Số trả lời hợp lệ', en: 'Valid answers' },
  method: { vi: 'Cách tính', en: 'Method' },
  methodShare: { vi: 'tỷ lệ hài lòng trên số trả lời hợp lệ', en: 'share satisfied of the valid answers' },
  methodSource: { vi: 'theo câu hỏi hài lòng riêng', en: 'from its own satisfaction question' },
  methodPooled: { vi: 'gộp mọi trả lời hợp lệ của các tiêu chí', en: 'pooled valid answers of its criteria' },
  methodMean: { vi: 'trung bình cộng {0} thành phần', en: 'mean of its {0} parts' },
  methodWeightedMean: { vi: 'trung bình có trọng số {0} thành phần', en: 'weighted mean of its {0} parts' },
  skipped: { vi: '{0} thành phần chưa có dữ liệu không được tính', en: '{0} parts without data left out' },

  criteria: { vi: 'Chỉ số theo tiêu chí', en: 'Index by criterion' },
  code: { vi: 'Mã', en: 'Code' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  index: { vi: 'Chỉ số', en: 'Index' },
  satisfiedOfValid: { vi: 'Hài lòng / hợp lệ', en: 'Satisfied / valid' },

  ranking: { vi: 'Xếp hạng đơn vị', en: 'Ranking of units' },
  rankingOf: { vi: 'Xếp hạng theo {0}', en: 'Ranking by {0}' },
  rank: { vi: 'Hạng', en: 'Rank' },
  rankingChart: {
    vi: 'Biểu đồ thanh ngang: chỉ số SIPAS của {0} đơn vị, từ cao đến thấp. Số liệu ở bảng ngay sau.',
    en: 'Horizontal bar chart: the SIPAS index of {0} units, highest first. The figures are in the table that follows.',
  },

  trend: { vi: 'Diễn biến theo thời gian', en: 'Trend over time' },
  periodColumn: { vi: 'Kỳ', en: 'Period' },
  trendChart: {
    vi: 'Biểu đồ đường: chỉ số SIPAS và các thành phần qua {0} kỳ. Số liệu ở bảng ngay sau.',
    en: 'Line chart: the SIPAS index and its parts over {0} periods. The figures are in the table that follows.',
  },

  expectations: { vi: 'Mong đợi của người dân', en: 'What people want improved' },
  expectationBase: { vi: 'Tỷ lệ trên {0} phiếu có trả lời câu này.', en: 'Share of the {0} responses that answered this question.' },
  expectationRowBase: { vi: 'Tỷ lệ trên số trả lời hợp lệ của từng nội dung.', en: 'Share of the valid answers to each item.' },
  expectationItem: { vi: 'Nội dung', en: 'Item' },
  count: { vi: 'Số phiếu', en: 'Responses' },
  share: { vi: 'Tỷ lệ', en: 'Share' },
  other: { vi: 'Khác', en: 'Other' },
  none: { vi: 'Không có', en: 'None' },
  noOpinion: { vi: 'Không có ý kiến', en: 'No opinion' },
  expectationsChart: {
    vi: 'Biểu đồ thanh ngang: tỷ lệ chọn {0} nội dung cần cải thiện, từ cao đến thấp. Số liệu ở bảng ngay sau.',
    en: 'Horizontal bar chart: how often each of {0} improvements was chosen, highest first. The figures are in the table that follows.',
  },
  expectationsStackedChart: {
    vi: 'Biểu đồ thanh ngang xếp chồng: mức độ mong muốn cải thiện {0} nội dung. Số liệu ở bảng ngay sau.',
    en: 'Stacked horizontal bar chart: how much improvement is wanted for {0} items. The figures are in the table that follows.',
  },

  progress: { vi: 'Tiến độ thu phiếu', en: 'Collection progress' },
  planned: { vi: 'Kế hoạch', en: 'Planned' },
  collected: { vi: 'Đã thu', en: 'Collected' },
  progressTotal: { vi: 'Đã thu {0} / {1} phiếu theo kế hoạch ({2}).', en: '{0} of {1} planned responses collected ({2}).' },
  progressCollected: { vi: 'Đã thu {0} phiếu.', en: '{0} responses collected.' },
  lastReceived: { vi: 'Phiếu gần nhất nhận lúc {0}.', en: 'Last response received {0}.' },
  byChannel: { vi: 'Theo kênh', en: 'By channel' },
  progressChart: {
    vi: 'Biểu đồ thanh ngang: số phiếu đã thu so với kế hoạch của {0} đơn vị. Số liệu ở bảng ngay sau.',
    en: 'Horizontal bar chart: responses collected against the plan for {0} units. The figures are in the table that follows.',
  },

  noData: { vi: 'Chưa có dữ liệu.', en: 'No data yet.' },
  noUnit: { vi: '(không rõ đơn vị)', en: '(unit not given)' },

  channelOnline: { vi: 'Trực tuyến', en: 'Online' },
  channelKiosk: { vi: 'Thiết bị tại quầy', en: 'Kiosk' },
  channelPaper: { vi: 'Phiếu giấy', en: 'Paper' },
  channelInterview: { vi: 'Phỏng vấn trực tiếp', en: 'Interview' },
  channelPhone: { vi: 'Điện thoại', en: 'Phone' },
} as const satisfies Record<string, Words>;

export type ReportStringKey = keyof typeof REPORT_STRINGS;

/** The primary language asked for by a `lang` value: `en`, `en-GB`… read English; anything else Vietnamese. */
export type ReportLanguage = 'vi' | 'en';

export const languageOf = (lang: string | null | undefined): ReportLanguage =>
  (lang ?? '').trim().toLowerCase().split('-')[0] === 'en' ? 'en' : 'vi';

/** A UI string in the language, with {0}, {1}… filled in. */
export const text: (key: ReportStringKey, language: ReportLanguage, ...args: (string | number)[]) => string = translator(REPORT_STRINGS);

/** Both languages of a UI string, for messages that travel in events. */
export const bothLanguages = (key: ReportStringKey, ...args: (string | number)[]): Words => ({ vi: text(key, 'vi', ...args), en: text(key, 'en', ...args) });

const CHANNEL_KEYS = {
  online: 'channelOnline',
  kiosk: 'channelKiosk',
  paper: 'channelPaper',
  interview: 'channelInterview',
  phone: 'channelPhone',
} as const satisfies Record<string, ReportStringKey>;

/** The name of a collection channel; an unknown channel shows as it is stored. */
export function channelName(channel: string, language: ReportLanguage): string {
  return Object.hasOwn(CHANNEL_KEYS, channel) ? text(CHANNEL_KEYS[channel as keyof typeof CHANNEL_KEYS], language) : channel;
}
