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
export const unauthorized = (message?: string) => (message === undefined ? new AppError(401, 'Not logged in').as('error.notLoggedIn') : new AppError(401, message));
export const forbidden = (message?: string) => (message === undefined ? new AppError(403, 'Not allowed').as('error.notAllowed') : new AppError(403, message));
export const notFound = (message?: string) => (message === undefined ? new AppError(404, 'Not found').as('error.notFound.body') : new AppError(404, message));
export const conflict = (message: string, details?: unknown) => new AppError(409, message, details);
export const unprocessable = (message: string, details?: unknown) => new AppError(422, message, details);
export const tooManyRequests = (message: string, details?: unknown) => new AppError(429, message, details);

/**
 * What may be logged about an unexpected error: its kind, code and the statement it came from,
 * never its message. Database errors carry their parameters in the message (session ids,
 * password hashes), and other messages may quote request data.
 */
export function loggableError(err: unknown): string {
  const causes: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e !== undefined && e !== null && depth < 4; depth++) {
    if (!(e instanceof Error)) {
      causes.push(typeof e);
      break;
    }
    const { code, query } = e as { code?: unknown; query?: unknown };
    causes.push([e.name === 'Error' ? e.constructor.name : e.name, typeof code === 'string' ? code : null, typeof query === 'string' ? `in ${statementName(query)}` : null].filter(Boolean).join(' '));
    e = e.cause;
  }
  // stack frames name code locations only; the first line (the message) is left out
  const frames = err instanceof Error ? (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 8) : [];
  return [causes.join(' <- '), ...frames].join('\n');
}

/** "select ... from `users` where ..." → "select users": the verb and the first table, no values. */
function statementName(sql: string): string {
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? 'statement';
  const table = /\b(?:from|into|update|table)\s+[`"']?(\w+)/i.exec(sql)?.[1] ?? 'unknown';
  return `${verb} ${table}`;
}
