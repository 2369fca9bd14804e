// Demo data of the audit programme: two sites, a quarterly destruction audit due in ten days (its
// draft opens on the server's first scheduler pass) and a half-yearly drill, and today's snapshot.
import { addSeedExtension } from '../../../db/seed.ts';
import type { Db } from '../db/client.ts';

const AUDITOR = 'auditor@example.com';
const DAY = 24 * 60 * 60 * 1000;

/** Adds the demo sites and schedules (used by db/seed-extensions.ts). */
export async function seedDemoProgramme(db: Db, people: Map<string, string>): Promise<void> {
  // imported here, not above: every CLI command loads the seed modules, few of them seed
  const [{ createSite }, { createSchedule }, { takeTrainingSnapshot }] = await Promise.all([import('./manage-sites.ts'), import('./manage-schedules.ts'), import('./take-training-snapshot.ts')]);
  const auditorId = people.get(AUDITOR);
  if (!auditorId) return;
  const actor = { id: auditorId, role: 'auditor' as const, name: 'Arthur Audit' };
  const head = await createSite(db, { actor, site: { name: 'Head office', address: '1 Harbour Road', responsibleEmail: 'admin@example.com' } });
  const store = await createSite(db, { actor, site: { name: 'Records store', address: 'Unit 4, Riverside Estate', responsibleEmail: 'omar@example.com' } });
  const at9 = (ms: number) => Date.parse(`${new Date(ms).toISOString().slice(0, 10)}T09:00:00Z`);
  await createSchedule(db, { actor, schedule: { checklist: 'records-destruction', siteId: store.id, auditorId, everyMonths: 3, firstDueAt: at9(Date.now() + 10 * DAY), locale: 'en' } });
  await createSchedule(db, { actor, schedule: { checklist: 'emergency-drill', siteId: head.id, auditorId, everyMonths: 6, firstDueAt: at9(Date.now() + 90 * DAY), locale: 'en' } });
  await takeTrainingSnapshot(db, { now: Date.now(), force: true });
}

addSeedExtension(seedDemoProgramme);
