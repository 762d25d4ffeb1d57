import { message, type LocalizedMessage, type ValidationError } from '@sipas/schema';

/**
 * The one error shape of the whole API (the browser outbox and the designer read it):
 * `{ errors: [{ path, code, message: { vi, en } }] }`, each located by a JSON pointer into what was
 * sent ('' for the request as a whole).
 */
export interface ErrorBody {
  errors: ValidationError[];
}

export const located = (path: string, code: string, text: LocalizedMessage): ValidationError => ({ path, code, message: text });

/** Thrown by handlers and hooks; the error handler turns it into the status and the error body. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly errors: ValidationError[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(statusCode: number, errors: ValidationError[], headers: Readonly<Record<string, string>> = {}) {
    super(errors.map((error) => `${error.code} at ${error.path || '(request)'}`).join('; '));
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.errors = errors;
    this.headers = headers;
  }
}

/** An HttpError with one located error. */
export const httpError = (statusCode: number, path: string, code: string, text: LocalizedMessage, headers?: Record<string, string>): HttpError =>
  new HttpError(statusCode, [located(path, code, text)], headers);

/** 422 with every problem found in the request body. */
export const invalidBody = (errors: ValidationError[]): HttpError => new HttpError(422, errors);

export const MESSAGES = {
  notFound: message('Không có địa chỉ này', 'No such address'),
  invalidJson: message('Nội dung gửi lên không phải JSON hợp lệ', 'The body is not valid JSON'),
  tooLarge: (limitBytes: number) =>
    message(`Nội dung gửi lên lớn hơn ${formatSize(limitBytes)}`, `The body is larger than ${formatSize(limitBytes)}`),
  unsupportedMediaType: message('Chỉ nhận nội dung JSON (Content-Type: application/json)', 'Only JSON bodies are accepted (Content-Type: application/json)'),
  internal: message('Lỗi máy chủ; vui lòng thử lại sau', 'Server error; please try again later'),
  rateLimited: message('Quá nhiều yêu cầu; vui lòng thử lại sau ít phút', 'Too many requests; please try again in a moment'),
  unauthenticated: message('Cần đăng nhập', 'Sign-in required'),
  forbidden: message('Tài khoản không có quyền làm việc này', 'This account may not do this'),
  csrf: message('Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token); hãy tải lại trang', 'The anti-forgery token (X-CSRF-Token) is missing or wrong; reload the page'),
} as const;

function formatSize(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
