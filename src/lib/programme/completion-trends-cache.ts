// The completion trend changes only when a snapshot is taken (at most hourly), yet the HR dashboard
// draws it on every request; so each process keeps it for a minute per period and language.
import type { Locale } from '../../i18n/index.ts';
import type { Db } from '../db/client.ts';
import { assertMakesEvidencePack, type Actor } from './programme-access.ts';
import { completionTrends, type CompletionSeries } from './trends.ts';

export const TREND_CACHE_MS = 60_000;
const caches = new WeakMap<Db, Map<string, { at: number; value: Promise<CompletionSeries[]> }>>();

/** completionTrends, from this process's cache when under TREND_CACHE_MS old. */
export async function cachedCompletionTrends(db: Db, o: { locale: Locale; actor: Actor; from: string; to: string; maxPoints?: number; now?: number }): Promise<CompletionSeries[]> {
  assertMakesEvidencePack(o.actor);
  const now = o.now ?? Date.now();
  const cache = caches.get(db) ?? new Map();
  caches.set(db, cache);
  const key = JSON.stringify([o.locale, o.from, o.to, o.maxPoints ?? null]);
  const hit = cache.get(key);
  if (hit && now - hit.at < TREND_CACHE_MS && now >= hit.at) return hit.value;
  const value = completionTrends(db, o);
  value.catch(() => cache.get(key)?.value === value && cache.delete(key));
  if (cache.size > 50) cache.clear();
  cache.set(key, { at: now, value });
  return value;
}
