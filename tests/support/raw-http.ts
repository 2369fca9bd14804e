// Requests with the path sent byte for byte as given: fetch would normalise `/./`, `%2e` and the
// like before sending, and those are exactly the variants an attacker sends.
import http from 'node:http';

export type RawResponse = { status: number; location: string | null; contentType: string; body: string };

/** Sends one request with an exact request-target. */
export function rawRequest(base: string, o: { method?: string; path: string; cookie?: string | null; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  const u = new URL(base);
  const headers: Record<string, string> = { ...o.headers };
  if (o.cookie) headers.cookie = o.cookie;
  if (o.body !== undefined) headers['content-length'] = String(Buffer.byteLength(o.body));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, method: o.method ?? 'GET', path: o.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (o.body !== undefined) req.write(o.body);
    req.end();
  });
}

/**
 * The ways of writing one path that the router serves as that same path: a letter percent-encoded,
 * doubled slashes, a `/./` or `/%2e/` segment, a trailing slash. (`/zh-cn` and case are separate.)
 */
export function equivalentPaths(path: string): string[] {
  const [pathname, query = ''] = path.split('?');
  const q = query ? `?${query}` : '';
  const encodeFirstLetter = pathname!.replace(/\/([a-z])/, (_, c: string) => `/%${c.charCodeAt(0).toString(16)}`);
  const encodeEveryLetter = pathname!.replace(/[a-z]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return [
    encodeFirstLetter + q,
    encodeEveryLetter + q,
    `/${pathname}${q}`,
    pathname!.replace(/\//g, '//') + q,
    `/.${pathname}${q}`,
    `/%2e${pathname}${q}`,
    // a trailing slash is the same page, but not the same file: `report.pdf/` is nothing
    ...(/\.\w+$/.test(pathname!) ? [] : [pathname === '/' ? `/${q}` : `${pathname}/${q}`]),
  ];
}
