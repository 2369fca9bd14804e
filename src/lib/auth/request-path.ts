// The path the router will serve, worked out once so that access is decided on exactly it.
// Astro's router matches the decoded path with duplicate slashes collapsed, so a check on the
// raw URL can be walked around with `/%61dmin` or `//admin`; anything that decodes to something
// a path should never hold is refused outright instead of being guessed at.

export type RequestPath = { ok: true; path: string } | { ok: false; reason: string };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Decodes a raw URL path once, collapses duplicate slashes, and refuses odd paths (encoded slashes, dot segments, NUL, bad escapes). */
export function normaliseRequestPath(raw: string): RequestPath {
  if (!raw.startsWith('/')) return { ok: false, reason: 'the path must start with /' };
  if (raw.includes('\\') || CONTROL.test(raw)) return { ok: false, reason: 'the path holds a backslash or a control character' };
  if (/%(?![0-9a-f]{2})/i.test(raw)) return { ok: false, reason: 'the path holds an invalid escape' };
  if (/%(2f|5c|00)/i.test(raw)) return { ok: false, reason: 'the path holds an encoded slash or NUL' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { ok: false, reason: 'the path is not valid UTF-8' };
  }
  if (CONTROL.test(decoded)) return { ok: false, reason: 'the path holds a control character' };
  // a % left after one decoding is a double encoding: whatever decodes it again would see another path
  if (decoded.includes('%')) return { ok: false, reason: 'the path is encoded twice' };
  const path = decoded.replace(/\/{2,}/g, '/');
  // literal and %2e dot segments were already resolved by the URL parser, as a browser does; any left are odd
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return { ok: false, reason: 'the path holds a dot segment' };
  return { ok: true, path };
}
