import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedChanges, audits } from '../../../db/schema.ts';
import { assertSameChange, isDuplicateChangeError } from '../../../src/lib/offline/applied-changes.ts';
import { AppError } from '../../../src/lib/errors.ts';
import { openTestDb, type TestDb } from '../audit/support.ts';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe('the table of applied change ids', () => {
  it('refuses a second row for one change id, and that error is recognised as a duplicate', async () => {
    const auditor = await t.person('auditor');
    await t.db.insert(audits).values({ id: 'audit-1', checklistSlug: 'emergency-drill', checklistVersion: 1, locale: 'en', title: 'T', auditorId: auditor.id, createdAt: 1 });
    const row = { changeId: 'change-0001', auditId: 'audit-1', itemId: 'ed-01', kind: 'response' as const, actorId: auditor.id, evidenceId: null, appliedAt: 1 };
    await t.db.insert(appliedChanges).values(row);
    const err = await t.db.insert(appliedChanges).values(row).then(() => null, (e: unknown) => e);
    expect(err).not.toBeNull();
    expect(isDuplicateChangeError(err)).toBe(true);
    expect(isDuplicateChangeError(new Error('UNIQUE constraint failed: users.email'))).toBe(false);
  });

  it('takes a resend only as the same change: same audit, item, kind and person', () => {
    const done = { auditId: 'a', itemId: 'i', kind: 'response' as const, actorId: 'u' };
    expect(() => assertSameChange(done, { ...done })).not.toThrow();
    for (const other of [{ auditId: 'b' }, { itemId: 'j' }, { kind: 'evidence' as const }, { actorId: 'v' }]) {
      const thrown = (() => {
        try {
          assertSameChange(done, { ...done, ...other });
        } catch (e) {
          return e;
        }
      })();
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).status).toBe(409);
    }
  });
});
