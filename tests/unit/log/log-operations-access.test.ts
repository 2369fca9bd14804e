// The log's anchor operations are the admin's (DESIGN: admin may "see and verify the audit log").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../src/lib/auth/permissions.ts';
import { AppError } from '../../../src/lib/errors.ts';
import { anchorStatus } from '../../../src/lib/log/anchor-status.ts';
import { checkpointOrgLog, verifyOrgLog } from '../../../src/lib/log/org-log.ts';
import { lastVerification } from '../../../src/lib/log/record-verification.ts';
import { tempDb } from '../../support/db.ts';

let t: Awaited<ReturnType<typeof tempDb>>;
beforeAll(async () => {
  t = await tempDb();
});
afterAll(() => t.close());

const statusOf = (p: Promise<unknown>) => p.then(() => 'done', (e: unknown) => (e instanceof AppError ? e.status : e));

describe('who may read and verify the log’s anchors', () => {
  for (const role of ['employee', 'hr', 'auditor'] as const satisfies readonly Role[]) {
    it(`refuses ${role} with 403, writing nothing`, async () => {
      const actor = { id: 'x', role };
      expect(await statusOf(anchorStatus(t.db, actor))).toBe(403);
      expect(await statusOf(lastVerification(t.db, actor))).toBe(403);
      expect(await statusOf(verifyOrgLog(t.db, actor, 'admin'))).toBe(403);
      expect(await statusOf(checkpointOrgLog(t.db, actor, 'manual'))).toBe(403);
    });
  }
  it('lets an admin read them', async () => {
    const admin = { id: 'a', role: 'admin' as const };
    expect(await anchorStatus(t.db, admin)).toMatchObject({ head: { seq: 0 }, newest: null, afterNewest: 0 });
    expect(await lastVerification(t.db, admin)).toBeNull();
  });
});
