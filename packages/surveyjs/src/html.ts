/**
 * Text ↔ HTML for info questions, which become SurveyJS `html` elements. Text is escaped (and
 * braces too, so SurveyJS does not replace `{name}` with an answer); line breaks become `<br>`.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '{': '&#123;',
  '}': '&#125;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'{}]/g, (c) => ESCAPES[c]!).replace(/\r?\n/g, '<br>');
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

export interface HtmlText {
  text: string;
  /** True when markup other than `<br>` was removed. */
  markupLost: boolean;
}

/** Plain text of an HTML fragment: `<br>` and block ends become line breaks, other tags go. */
export function htmlToText(html: string): HtmlText {
  // Scripts, styles and comments are not text: they go whole, before tags are stripped.
  const withoutCode = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '<removed>').replace(/<!--[\s\S]*?-->/g, '<removed>');
  const withBreaks = withoutCode.replace(/<br\s*\/?>/gi, '\n');
  const markupLost = /<[a-zA-Z/!][^>]*>/.test(withBreaks);
  const text = withBreaks
    .replace(/<\/(p|div|h[1-6]|li|tr)\s*>/gi, '\n')
    .replace(/<[a-zA-Z/!][^>]*>/g, '')
    .replace(/\n{3,}/g, '\n\n');
  const decoded = decodeEntities(markupLost ? text.trim() : text);
  return { text: decoded, markupLost };
}

/** The `<h4>` heading an info question without text shows its title in. */
export const headingHtml = (title: string): string => `<h4>${escapeHtml(title)}</h4>`;
