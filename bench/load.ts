// One endpoint under load: a single request first (size, first byte, total, server memory above
// idle), then autocannon with N connections over loopback, either for a time or for a number of
// requests. Requests can rotate through many sessions (and bodies), so the load comes from many people.
import fs from 'node:fs';
// @ts-ignore: autocannon ships no type declarations
import autocannon from 'autocannon';
import { rssBytes, sampleRss } from './memory.ts';

export type Target = {
  name: string;
  path: string;
  /** Session cookies, used in turn, one per request; none for an anonymous request. */
  cookies: string[];
  method?: 'GET' | 'POST';
  /** The n-th request's path and JSON body, when they vary (POST). */
  request?: (n: number) => { path: string; body: unknown };
  connections: number;
  /** Seconds of load; or `amount` requests in all when each one is long (exports). */
  seconds?: number;
  amount?: number;
};

export type TargetResult = {
  name: string;
  path: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Responses that were not 2xx, plus connection errors and timeouts. */
  failed: number;
  peakRssMb: number;
  /** Server CPU (all its threads) per request during the load, ms: less sensitive to other load on the machine than req/s. */
  cpuMsPerRequest: number;
  /** One request alone, before the load: size, time to first byte and to the end, server RSS growth. */
  single: { status: number; bytes: number; ttfbMs: number; totalMs: number; rssGrowthMb: number };
};

/** User + system CPU time of a process so far, in ms (Linux /proc). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s
}

function headersFor(cookie: string | undefined, json: boolean): Record<string, string> {
  const h: Record<string, string> = {};
  // a browser sends back the locale cookie too, so the server has no reason to set it again
  if (cookie) h.cookie = `${cookie}; lms_locale=en`;
  if (json) h['content-type'] = 'application/json';
  return h;
}

/** Measures one target against a running server. */
export async function loadTarget(url: string, pid: number, t: Target): Promise<TargetResult> {
  const method = t.method ?? 'GET';
  const first = t.request?.(0) ?? { path: t.path, body: undefined };
  const before = rssBytes(pid);
  const rss = sampleRss(pid, 20);
  const t0 = performance.now();
  const res = await fetch(url + first.path, { method, headers: headersFor(t.cookies[0], method === 'POST'), body: first.body === undefined ? undefined : JSON.stringify(first.body) });
  const ttfbMs = Math.round(performance.now() - t0);
  const bytes = (await res.arrayBuffer()).byteLength;
  const totalMs = Math.round(performance.now() - t0);
  const rssGrowthMb = Math.max(0, Math.round((rss.peakMb() * 1024 * 1024 - before) / 1024 / 1024));
  if (res.status >= 400) throw new Error(`${t.name}: ${first.path} answered ${res.status}`);

  let n = 1;
  const request = {
    method,
    path: t.path,
    setupRequest: (req: Record<string, unknown>) => {
      const i = n++;
      const r = t.request?.(i);
      req.headers = headersFor(t.cookies.length ? t.cookies[i % t.cookies.length] : undefined, method === 'POST');
      if (r) {
        req.path = r.path;
        req.body = JSON.stringify(r.body);
      }
      return req;
    },
  };
  rss.resetPeak();
  const cpu0 = cpuMs(pid);
  const r = await autocannon({ url, connections: t.connections, duration: t.seconds ?? 10, amount: t.amount, timeout: 300, requests: [request] });
  const cpu = cpuMs(pid) - cpu0;
  rss.stop();
  const seconds = Math.round(r.duration * 10) / 10;
  return {
    name: t.name,
    path: t.path,
    connections: t.connections,
    seconds,
    requests: r.requests.total,
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failed: r.non2xx + r.errors + r.timeouts,
    peakRssMb: rss.peakMb(),
    cpuMsPerRequest: r.requests.total ? cpu / r.requests.total : 0,
    single: { status: res.status, bytes, ttfbMs, totalMs, rssGrowthMb },
  };
}
