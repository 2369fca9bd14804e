// The in-process scheduler: every server runs a pass on an interval; leases decide who works.
import type { Db } from '../db/client.ts';
import { runProgramme } from './run-programme.ts';

/** Starts passes every `intervalMs` (the first one soon after start); returns a stop function. */
export function startProgrammeScheduler(db: Db, o: { intervalMs: number }): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const pass = await runProgramme(db);
      if (pass.opened?.length) console.log(`Audit programme: opened ${pass.opened.length} scheduled draft(s)`);
    } catch (err) {
      console.error('Audit programme pass failed:', err instanceof Error ? err.message : String(err));
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, Math.min(2_000, o.intervalMs));
  const timer = setInterval(tick, o.intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
