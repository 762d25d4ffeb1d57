/** The engine's own words, in Vietnamese and English; anything else falls back to Vietnamese. */
const UI_TEXT = {
  required: { vi: 'Vui lòng trả lời câu hỏi này.', en: 'Please answer this question.' },
  requiredRows: { vi: 'Vui lòng trả lời tất cả các hàng.', en: 'Please answer every row.' },
  rule: { vi: 'Câu trả lời chưa hợp lệ.', en: 'This answer is not valid.' },
  other: { vi: 'Khác', en: 'Other' },
  none: { vi: 'Không có', en: 'None' },
  noOpinion: { vi: 'Không có ý kiến', en: 'No opinion' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
} as const;

export type UiTextKey = keyof typeof UI_TEXT;

export function uiText(key: UiTextKey, locale: string): string {
  return locale === 'en' ? UI_TEXT[key].en : UI_TEXT[key].vi;
}

export function uiMessage(key: UiTextKey): { vi: string; en: string } {
  return { vi: UI_TEXT[key].vi, en: UI_TEXT[key].en };
}
