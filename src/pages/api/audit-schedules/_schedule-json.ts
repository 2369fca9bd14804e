import type { ScheduleView } from '../../../lib/programme/list-schedules.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A schedule as the API returns it: dates as ISO strings. */
export function scheduleJson(s: ScheduleView) {
  return { ...s, firstDueAt: iso(s.firstDueAt), nextDueAt: iso(s.nextDueAt), endedAt: iso(s.endedAt), history: s.history.map((h) => ({ ...h, at: iso(h.at) })) };
}
