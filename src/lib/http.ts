// Helpers for API endpoints: one way to read JSON bodies and one way to answer errors.
import { z } from 'zod';
import { AppError, loggableError } from './errors.ts';

export const MAX_JSON_BYTES = 256 * 1024;
/** What a page's form may send: text fields only (file uploads pass their own limit). */
export const PAGE_FORM_BYTES = 64 * 1024;

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}

/** The API's error shape, `{ error, details? }`. */
export function errorResponse(status: number, error: string, details?: unknown): Response {
  return json(details === undefined ? { error } : { error, details }, status);
}

/** Turns anything thrown by a handler into the API's error shape; unexpected errors are logged without request data. */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    const headers: Record<string, string> = {};
    const retry = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (err.status === 429 && retry) headers['retry-after'] = String(retry);
    return json(err.details === undefined ? { error: err.message } : { error: err.message, details: err.details }, err.status, headers);
  }
  console.error('Unhandled error:', loggableError(err));
  return errorResponse(500, 'Something went wrong on our side');
}

/** Reads a body up to a limit, refusing larger ones with 413 without buffering them whole. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new AppError(413, `Request body is larger than ${maxBytes} bytes`).as('error.bodyTooLarge', { kb: Math.floor(maxBytes / 1024) });
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // the adapter's own body limit (astro.config.mjs) ends the stream with an error
      throw tooLarge();
    }
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body against a zod schema: 415 for another content type, 400 for bad JSON or a wrong shape. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, maxBytes = MAX_JSON_BYTES): Promise<z.infer<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new AppError(415, 'Send the body as application/json').as('error.sendJson');
  const bytes = await readBodyBytes(request, maxBytes);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new AppError(400, 'The body is not valid JSON').as('error.invalidJson');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new AppError(400, 'The request is malformed', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))).as('error.malformedRequest');
  }
  return parsed.data;
}

/** Wraps an endpoint so every thrown error becomes the `{error}` shape. */
export function handle<C>(fn: (ctx: C) => Promise<Response> | Response) {
  return async (ctx: C): Promise<Response> => {
    try {
      return await fn(ctx);
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}

/** The client's address: the socket's, or behind a proxy the first hop of the one configured trusted header. */
export function clientAddressOf(request: Request, socketAddress: string | undefined, trustedHeader: string | undefined): string {
  if (trustedHeader) {
    const forwarded = request.headers.get(trustedHeader)?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return socketAddress ?? 'unknown';
}

/** Parses a multipart (or urlencoded) form body read up to a limit (413 beyond it); 415 when it is not a form. Every form, page or API, is read here. */
export async function readFormData(request: Request, maxBytes = PAGE_FORM_BYTES): Promise<FormData> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) throw new AppError(415, 'Send the body as multipart/form-data').as('error.formType');
  const bytes = await readBodyBytes(request, maxBytes);
  try {
    return await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData();
  } catch {
    throw new AppError(400, 'The form data is malformed').as('error.formMalformed');
  }
}

/** Whether the client reached us over https: directly, or through the trusted proxy (which then sets x-forwarded-proto). */
export function isSecureRequest(request: Request, trustedProxyHeader: string | undefined): boolean {
  if (new URL(request.url).protocol === 'https:') return true;
  return trustedProxyHeader !== undefined && request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}
