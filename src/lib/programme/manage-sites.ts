// The register of the firm's sites: name, address, responsible person.
import { and, asc, eq, ne } from 'drizzle-orm';
import { sites, users } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { conflict, notFound, unprocessable } from '../errors.ts';
import { newId } from '../ids.ts';
import { appendLog } from '../log/append-log.ts';
import { assertManagesProgramme, type Actor } from './programme-access.ts';

/** The responsible person by id or by email (`responsibleEmail`, as people type it into a form). */
export type SiteInput = { name: string; address?: string; responsibleId?: string | null; responsibleEmail?: string };
export type SiteRow = { id: string; name: string; address: string; responsibleId: string | null; responsibleName: string | null; active: boolean };

const MAX = 200;

function clean(input: SiteInput): { name: string; address: string; responsibleId: string | null } {
  const name = input.name.trim();
  const address = (input.address ?? '').trim();
  if (!name) throw unprocessable('Give the site a name').as('programme.error.siteNameMissing');
  if (name.length > MAX || address.length > 500) throw unprocessable(`A site name is at most ${MAX} characters and an address at most 500`).as('programme.error.siteTooLong');
  return { name, address, responsibleId: input.responsibleId || null };
}

async function assertResponsible(db: Db, id: string | null): Promise<void> {
  if (!id) return;
  const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, id), eq(users.active, true)));
  if (!u) throw unprocessable('The responsible person is not an active user').as('programme.error.unknownPerson');
}

async function byEmail(db: Db, input: SiteInput): Promise<SiteInput> {
  const email = input.responsibleEmail?.trim().toLowerCase();
  if (!email) return input;
  const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.email, email), eq(users.active, true)));
  if (!u) throw unprocessable('The responsible person is not an active user').as('programme.error.unknownPerson');
  return { ...input, responsibleId: u.id };
}

/** Adds a site (auditors and admins); names are unique. */
export async function createSite(db: Db, o: { actor: Actor; site: SiteInput; now?: number }): Promise<{ id: string }> {
  assertManagesProgramme(o.actor);
  const site = clean(await byEmail(db, o.site));
  await assertResponsible(db, site.responsibleId);
  const id = newId();
  const now = o.now ?? Date.now();
  await writeTransaction(db, async (tx) => {
    const [taken] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.name, site.name));
    if (taken) throw conflict(`There is already a site called "${site.name}"`).as('programme.error.siteTaken', { name: site.name });
    await tx.insert(sites).values({ id, ...site, createdAt: now, updatedAt: now });
    await appendLog(tx, { actorId: o.actor.id, action: 'site.create', subjectType: 'site', subjectId: id, details: site, at: now });
  });
  return { id };
}

/** Changes a site's details, or retires it (`active: false`); its audits keep pointing at it. */
export async function updateSite(db: Db, o: { actor: Actor; id: string; site: Partial<SiteInput> & { active?: boolean }; now?: number }): Promise<void> {
  assertManagesProgramme(o.actor);
  const now = o.now ?? Date.now();
  await writeTransaction(db, async (tx) => {
    const [before] = await tx.select().from(sites).where(eq(sites.id, o.id));
    if (!before) throw notFound('No such site').as('programme.error.unknownSite');
    const next = clean({ name: o.site.name ?? before.name, address: o.site.address ?? before.address, responsibleId: o.site.responsibleId === undefined ? before.responsibleId : o.site.responsibleId });
    if (next.name !== before.name) {
      const [taken] = await tx.select({ id: sites.id }).from(sites).where(and(eq(sites.name, next.name), ne(sites.id, o.id)));
      if (taken) throw conflict(`There is already a site called "${next.name}"`).as('programme.error.siteTaken', { name: next.name });
    }
    if (next.responsibleId !== before.responsibleId) await assertResponsible(db, next.responsibleId);
    const active = o.site.active ?? before.active;
    await tx.update(sites).set({ ...next, active, updatedAt: now }).where(eq(sites.id, o.id));
    await appendLog(tx, { actorId: o.actor.id, action: 'site.update', subjectType: 'site', subjectId: o.id, details: { before: { name: before.name, address: before.address, responsibleId: before.responsibleId, active: before.active }, after: { ...next, active } }, at: now });
  });
}

/** Every site, by name, with its responsible person's name. */
export async function listSites(db: Db, o: { actor: Actor; includeRetired?: boolean }): Promise<SiteRow[]> {
  assertManagesProgramme(o.actor);
  return db
    .select({ id: sites.id, name: sites.name, address: sites.address, responsibleId: sites.responsibleId, responsibleName: users.name, active: sites.active })
    .from(sites)
    .leftJoin(users, eq(users.id, sites.responsibleId))
    .where(o.includeRetired ? undefined : eq(sites.active, true))
    .orderBy(asc(sites.name));
}
