// The tracker's operations against a real libSQL file: the workflow, who may do what, history that
// is only ever appended to, and concurrent status changes.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionEvents, auditLog, correctiveActions, evidence } from '../../../db/schema.ts';
import { commentOnAction } from '../../../src/lib/audit/comment-on-action.ts';
import { createManualAction } from '../../../src/lib/audit/create-manual-action.ts';
import { getAction } from '../../../src/lib/audit/get-action.ts';
import { listAuditActions } from '../../../src/lib/audit/list-audit-actions.ts';
import { updateAction } from '../../../src/lib/audit/update-action.ts';
import { uploadActionEvidence } from '../../../src/lib/audit/upload-action-evidence.ts';
import { startAudit } from '../../../src/lib/audit/start-audit.ts';
import { legalTargets, type ActionStatus } from '../../../src/lib/audit/action-transitions.ts';
import { AppError } from '../../../src/lib/errors.ts';
import { openActionsDb, signedAuditWithActions, type Person } from './support.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082', 'hex');
const DAY = 24 * 60 * 60 * 1000;

let t: Awaited<ReturnType<typeof openActionsDb>>;
let auditor: Person;
let admin: Person;
let owner: Person;
let stranger: Person;
let audit: Awaited<ReturnType<typeof signedAuditWithActions>>;

beforeAll(async () => {
  t = await openActionsDb();
  [auditor, admin, owner, stranger] = [await t.person('auditor'), await t.person('admin'), await t.person('employee', 'Olivia Owner'), await t.person('employee')];
  audit = await signedAuditWithActions(t.db, t.dataDir, auditor, { failures: 6 });
});
afterAll(() => t?.close());

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
const historyOf = (actionId: string) => t.db.select().from(actionEvents).where(eq(actionEvents.actionId, actionId)).orderBy(asc(actionEvents.id));
const statusOf = async (actionId: string) => (await t.db.select().from(correctiveActions).where(eq(correctiveActions.id, actionId)))[0]!.status;

/** Every status event starts where the one before ended, beginning at open, and ends at the stored status. */
async function expectConsistentHistory(actionId: string) {
  const moves = (await historyOf(actionId)).filter((e) => e.kind === 'status');
  let at: ActionStatus = 'open';
  for (const m of moves) {
    expect(m.fromValue).toBe(at);
    expect(legalTargets(at)).toContain(m.toValue);
    at = m.toValue as ActionStatus;
  }
  expect(await statusOf(actionId)).toBe(at);
  return moves;
}

describe('taking an action from open to verified', () => {
  it('records each step as an event with who and when, and refuses what the workflow forbids', async () => {
    const action = audit.actions[0]!;
    expect((await historyOf(action.id)).map((e) => e.kind)).toEqual(['created']);

    // an employee cannot assign; an auditor assigns by email
    expect((await refusal(updateAction(t.db, { actionId: action.id, actor: owner, owner: owner.email }))).status).toBe(403);
    await updateAction(t.db, { actionId: action.id, actor: auditor, owner: owner.email.toUpperCase(), dueAt: action.dueAt + DAY });
    // until then the owner could not even see it; a stranger still cannot
    expect((await refusal(getAction(t.db, { actionId: action.id, actor: stranger }))).status).toBe(404);
    expect((await refusal(commentOnAction(t.db, { actionId: action.id, actor: stranger, text: 'hi' }))).status).toBe(404);
    expect((await refusal(updateAction(t.db, { actionId: action.id, actor: stranger, status: 'in_progress' }))).status).toBe(404);

    const seen = await getAction(t.db, { actionId: action.id, actor: owner });
    expect(seen.moves.map((m) => m.name)).toEqual(['start']);
    expect(seen.finding).toMatchObject({ itemId: action.itemId, note: `Auditor saw a gap at ${action.itemId}`, result: 'fail' });
    expect(seen.finding!.text).toBe(audit.items.find((i) => i.id === action.itemId)!.text);

    const illegal = await refusal(updateAction(t.db, { actionId: action.id, actor: owner, status: 'resolved', comment: 'done' }));
    expect(illegal.status).toBe(422);
    expect(illegal.details).toMatchObject({ from: 'open', to: 'resolved', allowed: ['in_progress'] });
    expect(illegal.message).toContain('in_progress');

    await updateAction(t.db, { actionId: action.id, actor: owner, status: 'in_progress' });
    const noFix = await refusal(updateAction(t.db, { actionId: action.id, actor: owner, status: 'resolved', comment: '  ' }));
    expect(noFix.status).toBe(422);
    expect(await statusOf(action.id)).toBe('in_progress');

    const resolved = await updateAction(t.db, { actionId: action.id, actor: owner, status: 'resolved', comment: 'Fire doors re-hung and tested', files: [{ fileName: 'door.png', bytes: PNG }], dataDir: t.dataDir });
    expect(resolved.status).toBe('resolved');
    expect(resolved.files).toHaveLength(1);
    const [file] = await t.db.select().from(evidence).where(eq(evidence.actionId, action.id));
    expect(file).toMatchObject({ fileName: 'door.png', mimeType: 'image/png', uploadedBy: owner.id, auditId: null });

    const verifyByOwner = await refusal(updateAction(t.db, { actionId: action.id, actor: owner, status: 'verified' }));
    expect(verifyByOwner.status).toBe(403);
    expect(verifyByOwner.details).toMatchObject({ allowed: [] });

    expect((await refusal(updateAction(t.db, { actionId: action.id, actor: auditor, status: 'in_progress' }))).status).toBe(422); // a rejection needs a reason
    await updateAction(t.db, { actionId: action.id, actor: auditor, status: 'in_progress', comment: 'The closer on door 2 still sticks' });
    await updateAction(t.db, { actionId: action.id, actor: owner, status: 'resolved', comment: 'Closer replaced' });
    await updateAction(t.db, { actionId: action.id, actor: admin, status: 'verified' });

    const history = await historyOf(action.id);
    expect(history.map((e) => [e.kind, e.fromValue, e.toValue])).toEqual([
      ['created', null, 'open'],
      ['owner', null, owner.id],
      ['due', String(action.dueAt), String(action.dueAt + DAY)],
      ['status', 'open', 'in_progress'],
      ['status', 'in_progress', 'resolved'],
      ['evidence', null, file!.id],
      ['status', 'resolved', 'in_progress'],
      ['status', 'in_progress', 'resolved'],
      ['status', 'resolved', 'verified'],
    ]);
    expect(history.map((e) => e.actorId)).toEqual([auditor.id, auditor.id, auditor.id, owner.id, owner.id, owner.id, auditor.id, owner.id, admin.id]);
    expect(history.find((e) => e.toValue === 'resolved')!.comment).toBe('Fire doors re-hung and tested');
    await expectConsistentHistory(action.id);

    // closed: no more status changes, reassignment or files, but comments still go on the record
    const after = await refusal(updateAction(t.db, { actionId: action.id, actor: auditor, status: 'in_progress', comment: 'again' }));
    expect(after.status).toBe(422);
    expect(after.details).toMatchObject({ allowed: [] });
    expect((await refusal(updateAction(t.db, { actionId: action.id, actor: auditor, owner: stranger.id }))).status).toBe(409);
    expect((await refusal(uploadActionEvidence(t.db, { actionId: action.id, actor: owner, file: { fileName: 'x.png', bytes: PNG }, dataDir: t.dataDir }))).status).toBe(409);
    await commentOnAction(t.db, { actionId: action.id, actor: owner, text: 'Thanks' });
    expect((await historyOf(action.id)).length).toBe(history.length + 1);
  });

  it('logs every change in the audit log', async () => {
    const action = audit.actions[0]!;
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, action.id));
    // assign, start, resolve (with its file), reject, resolve, verify; then the comment
    expect(entries.map((e) => e.action)).toEqual([...Array(6).fill('action.update'), 'action.comment']);
  });

  it('refuses a bad file without storing or recording anything', async () => {
    const action = audit.actions[1]!;
    await updateAction(t.db, { actionId: action.id, actor: auditor, owner: owner.id });
    const before = (await historyOf(action.id)).length;
    const err = await refusal(uploadActionEvidence(t.db, { actionId: action.id, actor: owner, file: { fileName: 'evil.png', bytes: Buffer.from('<script>') }, dataDir: t.dataDir }));
    expect(err.status).toBe(415);
    const bad = await refusal(updateAction(t.db, { actionId: action.id, actor: owner, status: 'in_progress', files: [{ fileName: 'a.png', bytes: PNG }, { fileName: 'b.txt', bytes: Buffer.from('text') }], dataDir: t.dataDir }));
    expect(bad.status).toBe(415);
    expect((await historyOf(action.id)).length).toBe(before);
    expect(await statusOf(action.id)).toBe('open');
    const ok = await uploadActionEvidence(t.db, { actionId: action.id, actor: owner, file: { fileName: '../../etc/photo.png', bytes: PNG }, dataDir: t.dataDir });
    expect(ok).toMatchObject({ fileName: 'photo.png', url: `/api/evidence/${ok.id}` });
  });
});

describe('concurrent status changes of one action', () => {
  it('keeps every accepted change in the history and never reaches an illegal state', async () => {
    const action = audit.actions[2]!;
    await updateAction(t.db, { actionId: action.id, actor: auditor, owner: owner.id });
    const requests = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? updateAction(t.db, { actionId: action.id, actor: owner, status: 'in_progress' })
        : updateAction(t.db, { actionId: action.id, actor: owner, status: 'resolved', comment: `fix ${i}` }),
    );
    const results = await Promise.allSettled(requests);
    const accepted = results.filter((r) => r.status === 'fulfilled');
    // refused ones are illegal from the state they met (422) or, for an owner asking to leave resolved, a reviewer's move (403)
    for (const r of results) if (r.status === 'rejected') expect([403, 409, 422]).toContain((r.reason as AppError).status);
    const moves = await expectConsistentHistory(action.id);
    expect(moves).toHaveLength(accepted.length);
    // an owner can only start once and resolve once: open → in_progress → resolved
    expect(moves.map((m) => m.toValue)).toEqual(['in_progress', 'resolved'].slice(0, moves.length));
  });

  it('interleaves an auditor rejecting and verifying with the owner resolving, and the history still adds up', async () => {
    const action = audit.actions[3]!;
    await updateAction(t.db, { actionId: action.id, actor: auditor, owner: owner.id });
    await updateAction(t.db, { actionId: action.id, actor: owner, status: 'in_progress' });
    const requests: Array<Promise<unknown>> = [];
    for (let i = 0; i < 10; i++) {
      requests.push(updateAction(t.db, { actionId: action.id, actor: owner, status: 'resolved', comment: `attempt ${i}` }));
      requests.push(updateAction(t.db, { actionId: action.id, actor: auditor, status: 'in_progress', comment: `not yet ${i}` }));
      if (i === 7) requests.push(updateAction(t.db, { actionId: action.id, actor: auditor, status: 'verified' }));
    }
    const results = await Promise.allSettled(requests);
    const moves = await expectConsistentHistory(action.id);
    expect(moves.length - 1).toBe(results.filter((r) => r.status === 'fulfilled').length);
  });
});

describe('actions added by hand', () => {
  it('joins a signed audit with a default due date from its severity, and is refused on a draft or to an employee', async () => {
    const now = Date.UTC(2026, 0, 1);
    const made = await createManualAction(t.db, { auditId: audit.auditId, actor: auditor, title: 'Extinguisher in the server room is out of date', severity: 'high', owner: owner.email, now });
    expect(made.dueAt).toBe(now + 14 * DAY);
    const detail = await getAction(t.db, { actionId: made.id, actor: owner });
    expect(detail.finding).toBeNull();
    expect(detail.events.map((e) => e.kind)).toEqual(['created', 'owner']);
    expect((await refusal(createManualAction(t.db, { auditId: audit.auditId, actor: owner, title: 'x', severity: 'low' }))).status).toBe(403);
    const draft = await startAudit(t.db, { checklist: 'emergency-drill', title: 'Draft', locale: 'en', actor: auditor });
    expect((await refusal(createManualAction(t.db, { auditId: draft.id, actor: auditor, title: 'x', severity: 'low' }))).status).toBe(409);
    expect((await refusal(createManualAction(t.db, { auditId: audit.auditId, actor: auditor, title: '  ', severity: 'low' }))).status).toBe(422);
    expect((await refusal(createManualAction(t.db, { auditId: audit.auditId, actor: auditor, title: 'x', severity: 'low', owner: 'nobody@nowhere' }))).status).toBe(422);
  });
});

describe("an audit's closure", () => {
  it('is closed only once every action is verified', async () => {
    const small = await signedAuditWithActions(t.db, t.dataDir, auditor, { failures: 2 });
    const state = () => listAuditActions(t.db, { auditId: small.auditId, actor: auditor });
    expect((await state()).closure).toMatchObject({ closed: false, total: 2, verified: 0 });
    for (const a of small.actions) {
      await updateAction(t.db, { actionId: a.id, actor: auditor, status: 'in_progress' });
      await updateAction(t.db, { actionId: a.id, actor: auditor, status: 'resolved', comment: 'fixed' });
    }
    await updateAction(t.db, { actionId: small.actions[0]!.id, actor: auditor, status: 'verified' });
    expect((await state()).closure).toMatchObject({ closed: false, verified: 1 });
    await updateAction(t.db, { actionId: small.actions[1]!.id, actor: auditor, status: 'verified' });
    expect((await state()).closure).toMatchObject({ closed: true, verified: 2 });
    expect((await refusal(listAuditActions(t.db, { auditId: small.auditId, actor: owner }))).status).toBe(403);
  });
});
