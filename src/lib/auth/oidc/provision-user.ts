// Finds, links or creates the user an identity-provider profile belongs to, and brings their
// name, department and role up to date from it. All in the caller's transaction, with log entries.
import { and, eq, sql } from 'drizzle-orm';
import { userIdentities, users } from '../../../../db/schema.ts';
import type { Tx } from '../../db/client.ts';
import { appendLog } from '../../log/append-log.ts';
import { applyAssignmentRulesForUser } from '../../training/apply-assignment-rules.ts';
import { ensureDepartment } from '../departments.ts';
import { insertUser } from '../manage-users.ts';
import type { ProviderProfile } from './claims.ts';

export type ProvisionResult =
  | { ok: true; userId: string; created: boolean; linked: boolean }
  | { ok: false; reason: 'deactivated' | 'no_account'; userId?: string };

export type ProvisionOptions = {
  profile: ProviderProfile;
  /** whether unknown people are created (LMS_OIDC_PROVISION) */
  provision: boolean;
  /** the break-glass admin keeps their role whatever the provider's groups say */
  breakglassEmail: string | undefined;
  now: number;
};

/** Links by (issuer, subject), else by email (case-insensitive); refuses deactivated people before changing anything. */
export async function provisionUser(tx: Tx, o: ProvisionOptions): Promise<ProvisionResult> {
  const p = o.profile;
  const [identity] = await tx.select().from(userIdentities).where(and(eq(userIdentities.issuer, p.issuer), eq(userIdentities.subject, p.subject)));
  const [user] = identity
    ? await tx.select().from(users).where(eq(users.id, identity.userId))
    : await tx.select().from(users).where(sql`lower(${users.email}) = ${p.email}`).limit(1);

  if (user && !user.active) return { ok: false, reason: 'deactivated', userId: user.id };
  if (!user && !o.provision) return { ok: false, reason: 'no_account' };

  if (!user) {
    // no password: such an account signs in through the provider only (until an admin sets one)
    const id = await insertUser(tx, { email: p.email, name: p.name, role: p.role ?? 'employee', department: p.department ?? undefined }, '', null, { source: 'oidc' });
    await linkIdentity(tx, id, p, o.now);
    return { ok: true, userId: id, created: true, linked: true };
  }

  if (!identity) await linkIdentity(tx, user.id, p, o.now);
  else await tx.update(userIdentities).set({ lastLoginAt: o.now, email: p.email }).where(and(eq(userIdentities.issuer, p.issuer), eq(userIdentities.subject, p.subject)));

  const keepRole = o.breakglassEmail !== undefined && user.email.toLowerCase() === o.breakglassEmail;
  const role = p.role !== undefined && !keepRole ? p.role : user.role;
  const departmentId = p.department === undefined ? user.departmentId : p.department ? await ensureDepartment(tx, p.department) : null;
  const details: Record<string, unknown> = {};
  if (p.name !== user.name) details.name = { from: user.name, to: p.name };
  if (role !== user.role) details.role = { from: user.role, to: role };
  if (departmentId !== user.departmentId) details.departmentId = { from: user.departmentId, to: departmentId };
  if (Object.keys(details).length > 0) {
    await tx.update(users).set({ name: p.name, role, departmentId }).where(eq(users.id, user.id));
    await appendLog(tx, { actorId: null, action: 'user.update', subjectType: 'user', subjectId: user.id, details: { ...details, source: 'oidc' }, at: o.now });
    if (departmentId !== user.departmentId) await applyAssignmentRulesForUser(tx, user.id);
  }
  return { ok: true, userId: user.id, created: false, linked: !identity };
}

async function linkIdentity(tx: Tx, userId: string, p: ProviderProfile, now: number): Promise<void> {
  await tx.insert(userIdentities).values({ issuer: p.issuer, subject: p.subject, userId, email: p.email, createdAt: now, lastLoginAt: now });
  await appendLog(tx, { actorId: null, action: 'user.link_identity', subjectType: 'user', subjectId: userId, details: { issuer: p.issuer, email: p.email }, at: now });
}
