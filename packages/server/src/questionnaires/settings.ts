import { escapePointerToken, message, quote, type ValidationError } from '@sipas/schema';
import { invalidBody, located } from '../http/errors.js';
import { normalizeOrigin } from '../http/origins.js';

/** The web sites that may post responses to a questionnaire: `scheme://host[:port]`, normalized. */
export function checkAllowedOrigins(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) {
    throw invalidBody([located(path, 'invalid-type', message('Danh sách nguồn được phép phải là một mảng', 'The allowed origins must be an array'))]);
  }
  const errors: ValidationError[] = [];
  const origins: string[] = [];
  value.forEach((item, index) => {
    const origin = typeof item === 'string' ? normalizeOrigin(item) : undefined;
    if (origin === undefined) {
      errors.push(
        located(
          `${path}/${index}`,
          'invalid-origin',
          message(`${quote(item)} không phải nguồn dạng https://tên-miền[:cổng] (không có đường dẫn)`, `${quote(item)} is not an origin like https://host[:port] (no path)`),
        ),
      );
    } else if (!origins.includes(origin)) origins.push(origin);
  });
  if (errors.length > 0) throw invalidBody(errors);
  return origins;
}

/** The planned number of responses per unit: `{ unitId: non-negative integer }`. */
export function checkPlannedSample(value: unknown, path: string): Record<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidBody([located(path, 'invalid-type', message('Cỡ mẫu dự kiến là đối tượng { mã đơn vị: số phiếu }', 'The planned sample is an object { unitId: number of responses }'))]);
  }
  const errors: ValidationError[] = [];
  for (const [unit, planned] of Object.entries(value)) {
    if (unit.trim() === '') errors.push(located(`${path}/${escapePointerToken(unit)}`, 'invalid-unit', message('Mã đơn vị không được rỗng', 'A unit id cannot be empty')));
    if (!Number.isSafeInteger(planned) || (planned as number) < 0) {
      errors.push(located(`${path}/${escapePointerToken(unit)}`, 'invalid-planned-sample', message(`Số phiếu dự kiến của ${quote(unit)} phải là số nguyên không âm`, `The planned number for ${quote(unit)} must be a non-negative integer`)));
    }
  }
  if (errors.length > 0) throw invalidBody(errors);
  return value as Record<string, number>;
}
