// The one error type of the domain: it carries the HTTP status the API answers with.

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

export class AppError extends Error {
  readonly status: ErrorStatus;
  readonly details: unknown;
  /** A UI string key (src/i18n) for pages to show this error in the reader's language; the API keeps `message`. */
  key: string | undefined;
  params: Record<string, string | number> = {};
  constructor(status: ErrorStatus, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.details = details;
  }

  /** Names the UI string that says the same in every locale. */
  as(key: string, params: Record<string, string | number> = {}): this {
    this.key = key;
    this.params = params;
    return this;
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, message, details);
export const unauthorized = (message = 'Not logged in') => new AppError(401, message);
export const forbidden = (message = 'Not allowed') => new AppError(403, message);
export const notFound = (message = 'Not found') => new AppError(404, message);
export const conflict = (message: string, details?: unknown) => new AppError(409, message, details);
export const unprocessable = (message: string, details?: unknown) => new AppError(422, message, details);
export const tooManyRequests = (message: string, details?: unknown) => new AppError(429, message, details);
