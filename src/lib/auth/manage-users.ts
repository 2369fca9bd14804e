import crypto from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { sessions, users, type Role } from '../../../db/schema.ts';
import type { Db, Tx } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { conflict, forbidden, notFound, unprocessable } from '../errors.ts';
import { newId } from '../ids.ts';
import { appendLog } from '../log/append-log.ts';
import { assertNoCycle, findManager } from '../team/set-manager.ts';
import { applyAssignmentRulesForUser } from '../training/apply-assignment-rules.ts';
import { ensureDepartment } from './departments.ts';
import { hashPassword, passwordProblem } from './password.ts';
import { assertCan, mayGrantRole, type Actor } from './permissions.ts';
import type { NewUser } from './user-input.ts';

/** A random password for accounts created without one (imports); shown once to whoever created them. */
export function generatePassword(): string {
  return crypto.randomBytes(12).toString('base64url');
}

/** Inserts one user (an empty hash: no password) with its log entry and the standing assignment rules; a manager already checked (findManager) may be given. */
export async function insertUser(tx: Tx, u: NewUser, passwordHash: string, actorId: string | null, logDetails: Record<string, unknown> = {}, managerId: string | null = null): Promise<string> {
  const id = newId();
  const departmentId = u.department ? await ensureDepartment(tx, u.department) : null;
  await tx.insert(users).values({ id, email: u.email, name: u.name, role: u.role, departmentId, passwordHash, managerId, createdAt: Date.now() });
  await appendLog(tx, { actorId, action: 'user.create', subjectType: 'user', subjectId: id, details: { email: u.email, role: u.role, department: u.department ?? null, ...(managerId ? { managerId } : {}), ...logDetails } });
  await applyAssignmentRulesForUser(tx, id);
  return id;
}

/** Only an administrator hands out the administrator role. */
function assertMayGrant(actor: Actor, role: Role): void {
  if (!mayGrantRole(actor, role)) throw forbidden('Only an administrator may create administrator accounts').as('error.grantAdmin');
}

/** Creates one account with the given password (12+ characters); an administrator's operation. */
export async function createUser(db: Db, o: { user: NewUser; password: string; actor: Actor }): Promise<string> {
  assertCan(o.actor, 'admin.users');
  assertMayGrant(o.actor, o.user.role);
  const problem = passwordProblem(o.password);
  if (problem) throw unprocessable(problem).as('error.passwordTooShort');
  const passwordHash = await hashPassword(o.password);
  return writeTransaction(db, async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, o.user.email));
    if (existing) throw conflict(`A user with the email ${o.user.email} already exists`).as('error.emailTaken', { email: o.user.email });
    const manager = o.user.manager ? await findManager(tx, o.user.manager) : null;
    return insertUser(tx, o.user, passwordHash, o.actor.id, {}, manager?.id ?? null);
  });
}

/** Imports validated users all together: if any email already exists nothing is imported. Returns their one-time passwords. */
export async function importUsers(db: Db, o: { users: NewUser[]; actor: Actor }) {
  assertCan(o.actor, 'users.import');
  for (const u of o.users) assertMayGrant(o.actor, u.role);
  const withPasswords = await Promise.all(o.users.map(async (u) => { const password = generatePassword(); return { u, password, hash: await hashPassword(password) }; }));
  return writeTransaction(db, async (tx) => {
    const emails = o.users.map((u) => u.email);
    const existing = emails.length ? await tx.select({ email: users.email }).from(users).where(inArray(users.email, emails)) : [];
    if (existing.length > 0) throw conflict(`These emails already have accounts: ${existing.map((e) => e.email).join(', ')}`, { emails: existing.map((e) => e.email) }).as('error.emailsTaken', { emails: existing.map((e) => e.email).join(', ') });
    const created: { email: string; name: string; password: string }[] = [];
    const ids = new Map<string, string>();
    for (const { u, password, hash } of withPasswords) {
      ids.set(u.email, await insertUser(tx, u, hash, o.actor.id));
      created.push({ email: u.email, name: u.name, password });
    }
    // managers last, so a row may name someone imported below it; any bad one undoes the whole import
    for (const u of o.users) {
      if (!u.manager) continue;
      const manager = await findManager(tx, u.manager);
      await tx.update(users).set({ managerId: manager.id }).where(eq(users.id, ids.get(u.email)!));
    }
    for (const u of o.users) if (u.manager) await assertNoCycle(tx, ids.get(u.email)!);
    return created;
  });
}

export type UpdateUserOptions = {
  userId: string;
  actor: Actor;
  role?: Role;
  department?: string | null;
  active?: boolean;
  password?: string;
};

/** Changes a user's role, department, active flag or password; deactivating or a new password ends their sessions at once. */
export async function updateUser(db: Db, o: UpdateUserOptions): Promise<void> {
  assertCan(o.actor, 'admin.users');
  if (o.role) assertMayGrant(o.actor, o.role);
  if (o.password !== undefined) {
    const problem = passwordProblem(o.password);
    if (problem) throw unprocessable(problem).as('error.passwordTooShort');
  }
  const passwordHash = o.password !== undefined ? await hashPassword(o.password) : undefined;
  await writeTransaction(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, o.userId));
    if (!user) throw notFound('No such user').as('error.noSuchUser');
    if (o.userId === o.actor.id && (o.active === false || (o.role && o.role !== user.role))) {
      throw unprocessable('You cannot deactivate yourself or change your own role').as('error.selfChange');
    }
    const departmentId = o.department === undefined ? user.departmentId : o.department ? await ensureDepartment(tx, o.department) : null;
    const changes = {
      role: o.role ?? user.role,
      departmentId,
      active: o.active ?? user.active,
      ...(passwordHash ? { passwordHash } : {}),
    };
    await tx.update(users).set(changes).where(eq(users.id, o.userId));
    if (changes.active === false || passwordHash) await tx.delete(sessions).where(eq(sessions.userId, o.userId));
    const details: Record<string, unknown> = {};
    if (changes.role !== user.role) details.role = { from: user.role, to: changes.role };
    if (departmentId !== user.departmentId) details.departmentId = { from: user.departmentId, to: departmentId };
    if (changes.active !== user.active) details.active = { from: user.active, to: changes.active };
    if (passwordHash) details.passwordReset = true;
    await appendLog(tx, { actorId: o.actor.id, action: 'user.update', subjectType: 'user', subjectId: o.userId, details });
    if (departmentId !== user.departmentId || (changes.active && !user.active)) await applyAssignmentRulesForUser(tx, o.userId);
  });
}
