import { systemActor } from '../../../src/lib/auth/permissions.ts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, signedDocuments } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/manage-users.ts';
import type { Role } from '../../../src/lib/auth/permissions.ts';
import type { Db } from '../../../src/lib/db/client.ts';
import { AppError } from '../../../src/lib/errors.ts';
import { sha256Hex } from '../../../src/lib/ids.ts';
import { issueCertificate } from '../../../src/lib/training/issue-certificate.ts';
import { submitAttempt } from '../../../src/lib/training/submit-attempt.ts';
import { tempDb } from '../../support/db.ts';
import { answersFor } from './fixtures.ts';

let db: Db;
let dir: string;
let close: () => void;
let owner: string;
let completionId: string;
const person = (email: string, name: string, role: Role) => createUser(db, { user: { email, name, role, department: undefined }, password: 'a long enough password', actor: systemActor });

beforeAll(async () => {
  ({ db, dir, close } = await tempDb());
  owner = await person('li@example.com', '李伟', 'employee');
  const result = await submitAttempt({ db, userId: owner, courseSlug: 'confidentiality', locale: 'zh-cn', answers: answersFor('confidentiality') });
  completionId = result.completion!.id;
});
afterAll(() => close());

const issue = (viewer: { id: string; role: Role }, id = completionId) => issueCertificate({ db, completionId: id, viewer, signing: { dataDir: dir, organisation: 'Example Advisory Ltd.' } });

describe('issuing a certificate', () => {
  it('signs a PDF once, stores it with its SHA-256, and serves the same bytes again', async () => {
    const first = await issue({ id: owner, role: 'employee' });
    expect(first.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.sha256).toBe(sha256Hex(first.bytes));
    const again = await issue({ id: owner, role: 'employee' });
    expect(Buffer.compare(again.bytes, first.bytes)).toBe(0);
    const docs = await db.select().from(signedDocuments).where(eq(signedDocuments.subjectId, completionId));
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ kind: 'certificate', sha256: first.sha256, verificationCode: first.verificationCode });
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'certificate.issue'))).toHaveLength(1);
  });

  it('lets hr and admin fetch anyone’s certificate', async () => {
    const hr = await person('hr@example.com', 'Hannah', 'hr');
    expect((await issue({ id: hr, role: 'hr' })).bytes.length).toBeGreaterThan(1000);
    expect((await issue({ id: 'someone', role: 'admin' })).bytes.length).toBeGreaterThan(1000);
  });

  it('answers another employee or auditor exactly as for a certificate that does not exist', async () => {
    const other = await person('bo@example.com', 'Bo', 'employee');
    const errorFor = (viewer: { id: string; role: Role }, id?: string) => issue(viewer, id).then(() => null, (e: AppError) => [e.status, e.message]);
    const missing = await errorFor({ id: other, role: 'employee' }, 'no-such-completion');
    expect(missing?.[0]).toBe(404);
    expect(await errorFor({ id: other, role: 'employee' })).toEqual(missing);
    expect(await errorFor({ id: other, role: 'auditor' })).toEqual(missing);
  });
});
