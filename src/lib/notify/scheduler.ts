// The scheduler inside each app server process: a pass every LMS_NOTIFY_INTERVAL_MS (0: off).
// Several servers may run it side by side; the lease in runNotifyPass lets one work at a time.
import { config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { runNotifyPass } from './run-notify.ts';

/** Starts the periodic pass; returns a function that stops it. Errors are logged, the next pass tries again. */
export function startNotifyScheduler(db: Db, o: { intervalMs?: number; log?: (msg: string) => void } = {}): () => void {
  const interval = o.intervalMs ?? config().notifyIntervalMs;
  const log = o.log ?? ((m: string) => console.error(m));
  if (interval <= 0) return () => {};
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      await runNotifyPass(db);
    } catch (err) {
      log(`notify: pass failed: ${(err as Error).stack ?? String(err)}`);
    }
    if (!stopped) timer = setTimeout(tick, interval).unref();
  };
  // the first pass soon after start, not at once: the server is still warming up
  timer = setTimeout(tick, Math.min(interval, 5_000)).unref();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
