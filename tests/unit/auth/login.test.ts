import { systemActor } from '../../../src/lib/auth/permissions.ts';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, sessions } from '../../../db/schema.ts';
import { login } from '../../../src/lib/auth/login.ts';
import { createLucia } from '../../../src/lib/auth/lucia.ts';
import { createUser, importUsers, updateUser } from '../../../src/lib/auth/manage-users.ts';
import { LOGIN_WINDOW_MS } from '../../../src/lib/auth/rate-limit.ts';
import type { Db } from '../../../src/lib/db/client.ts';
import { AppError } from '../../../src/lib/errors.ts';
import { verifyLog } from '../../../src/lib/log/verify-log.ts';
import { tempDb } from '../../support/db.ts';

let db: Db;
let close: () => void;
const password = 'correct horse battery';
beforeEach(async () => {
  ({ db, close } = await tempDb());
  await createUser(db, { user: { email: 'amy@example.com', name: 'Amy', role: 'employee', department: 'Tax' }, password, actor: systemActor });
});
afterEach(() => close());

const attempt = (email: string, pw: string, o: { address?: string; now?: number } = {}) =>
  login({ db, lucia: createLucia(db), email, password: pw, address: o.address ?? '10.0.0.1', now: o.now }).then(
    () => 200,
    (e: AppError) => e.status,
  );

describe('logging in', () => {
  it('opens a session for the right password, whatever the email case', async () => {
    expect(await attempt('AMY@example.com', password)).toBe(200);
    expect(await db.select().from(sessions)).toHaveLength(1);
  });

  it('answers an unknown email exactly as a wrong password', async () => {
    const failure = (email: string, pw: string) => login({ db, lucia: createLucia(db), email, password: pw, address: 'a' }).then(() => null, (e: AppError) => e);
    const unknown = (await failure('nobody@example.com', password))!;
    const wrong = (await failure('amy@example.com', 'nope nope nope'))!;
    expect([unknown.status, unknown.message]).toEqual([wrong.status, wrong.message]);
  });

  it('locks an account for 15 minutes after 5 failures, even for the right password', async () => {
    const now = Date.now();
    for (let i = 0; i < 5; i++) expect(await attempt('amy@example.com', 'wrong password!', { now })).toBe(401);
    expect(await attempt('amy@example.com', password, { now: now + 1000 })).toBe(429);
    expect(await attempt('amy@example.com', password, { now: now + LOGIN_WINDOW_MS + 1 })).toBe(200);
  });

  it('throttles an address that fails across many accounts', async () => {
    const now = Date.now();
    for (let i = 0; i < 50; i++) await attempt(`guess${i}@example.com`, 'whatever pw!!', { address: '203.0.113.9', now });
    expect(await attempt('amy@example.com', password, { address: '203.0.113.9', now })).toBe(429);
    expect(await attempt('amy@example.com', password, { address: '198.51.100.1', now })).toBe(200);
  });

  it('logs successful and failed logins in an intact chain', async () => {
    await attempt('amy@example.com', 'wrong password!');
    await attempt('amy@example.com', password);
    const actions = (await db.select().from(auditLog)).map((r) => r.action);
    expect(actions).toEqual(['user.create', 'auth.login_failed', 'auth.login']);
    expect(await verifyLog(db)).toMatchObject({ ok: true, entries: 3 });
  });

  it('refuses a deactivated user and ends their sessions at once', async () => {
    await attempt('amy@example.com', password);
    const admin = await createUser(db, { user: { email: 'root@example.com', name: 'Root', role: 'admin' }, password, actor: systemActor });
    const [amy] = (await db.select().from(sessions));
    await updateUser(db, { userId: amy!.userId, actor: systemActor, active: false });
    expect(await db.select().from(sessions).where(eq(sessions.userId, amy!.userId))).toHaveLength(0);
    expect(await attempt('amy@example.com', password)).toBe(401);
  });
});

describe('importing users', () => {
  it('imports nothing when one email already has an account', async () => {
    const before = await db.select().from(auditLog);
    await expect(importUsers(db, { users: [{ email: 'new@example.com', name: 'New', role: 'employee' }, { email: 'amy@example.com', name: 'Dup', role: 'employee' }], actor: systemActor })).rejects.toMatchObject({ status: 409 });
    expect(await db.select().from(auditLog)).toHaveLength(before.length);
  });
});
