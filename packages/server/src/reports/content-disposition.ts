/**
 * `Content-Disposition: attachment` with both file names (RFC 6266): an ASCII one every browser
 * reads, and the exact one as UTF-8 (RFC 8187) for those that understand `filename*`.
 */

/** Characters kept in the ASCII name; anything else (diacritics, quotes, slashes) becomes "_". */
const UNSAFE_ASCII = /[^A-Za-z0-9._-]/g;

/** RFC 8187 value-chars: encodeURIComponent leaves a few that the grammar does not allow. */
const encodeExtValue = (name: string) => encodeURIComponent(name).replace(/['()*!]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);

export function attachment(filename: string): string {
  const ascii = filename.replace(UNSAFE_ASCII, '_') || 'download';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(filename)}`;
}
