import { systemActor } from '../../../src/lib/auth/permissions.ts';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completions } from '../../../db/schema.ts';
import { UTF8_BOM, parseCsv } from '../../../src/lib/reports/csv.ts';
import { addMonths, RECERTIFICATION_GRACE_MS } from '../../../src/lib/training/course-status.ts';
import { completionsStream } from '../../../src/lib/training/hr-export-stream.ts';
import { listHrPeople } from '../../../src/lib/training/hr-people.ts';
import { getPersonTranscript } from '../../../src/lib/training/hr-person-transcript.ts';
import { questionStats } from '../../../src/lib/training/question-stats.ts';
import { tempDb } from '../../support/db.ts';
import { addAssignment, addAttempt, addDepartment, addPerson, DAY } from './fixtures.ts';

let t: Awaited<ReturnType<typeof tempDb>>;
const now = Date.UTC(2026, 5, 15, 12);
beforeEach(async () => {
  t = await tempDb();
});
afterEach(() => t.close());

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  // ignoreBOM keeps the BOM in the text, so the test can see it
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

describe('recertification', () => {
  it('makes an expired completion "expired", due at expiry + 30 days, then overdue; the old completion stays on record', async () => {
    const id = await addPerson(t.db, { email: 'old@x.example' });
    await addAssignment(t.db, id, 'confidentiality', now - 400 * DAY);
    const completedAt = now - 380 * DAY;
    const expiresAt = addMonths(completedAt, 12);
    await addAttempt(t.db, { userId: id, course: 'confidentiality', number: 1, at: completedAt, completion: { expiresAt } });
    const before = await getPersonTranscript({ db: t.db, actor: systemActor, userId: id, now });
    expect(before.assignments[0]).toMatchObject({ status: 'expired', dueAt: expiresAt + RECERTIFICATION_GRACE_MS, completedAt });
    const later = await getPersonTranscript({ db: t.db, actor: systemActor, userId: id, now: expiresAt + RECERTIFICATION_GRACE_MS + 1 });
    expect(later.assignments[0]!.status).toBe('overdue');

    await addAttempt(t.db, { userId: id, course: 'confidentiality', number: 2, at: now, completion: { expiresAt: addMonths(now, 12) } });
    const renewed = await getPersonTranscript({ db: t.db, actor: systemActor, userId: id, now });
    expect(renewed.assignments[0]).toMatchObject({ status: 'completed', completedAt: now });
    expect(renewed.completions.map((c) => c.completedAt)).toEqual([now, completedAt]);
    expect(renewed.attempts).toHaveLength(2);
  });

  it('keeps counting a completion earned on an earlier course version', async () => {
    const id = await addPerson(t.db);
    await addAssignment(t.db, id, 'confidentiality', now + 10 * DAY);
    const { completionId } = await addAttempt(t.db, { userId: id, course: 'confidentiality', number: 1, at: now - DAY, completion: { expiresAt: now + 300 * DAY } });
    await t.db.update(completions).set({ courseVersion: 0 }).where(eq(completions.id, completionId!));
    const page = await listHrPeople({ db: t.db, actor: systemActor, filters: { status: 'completed' }, now });
    expect(page.rows.map((r) => r.userId)).toEqual([id]);
  });
});

describe('question statistics', () => {
  it('counts only first attempts and names the wrong option chosen most often', async () => {
    const people = await Promise.all([1, 2, 3, 4].map(() => addPerson(t.db)));
    const first: { a: Record<string, string[]>; r: Record<string, boolean> }[] = [
      { a: { 'q-former-clients': ['false'], 'q-restricted-data': ['a', 'c'] }, r: { 'q-former-clients': true, 'q-restricted-data': true } },
      { a: { 'q-former-clients': ['true'], 'q-restricted-data': ['a', 'b'] }, r: { 'q-former-clients': false, 'q-restricted-data': false } },
      { a: { 'q-former-clients': ['false'], 'q-restricted-data': ['a', 'b', 'd'] }, r: { 'q-former-clients': true, 'q-restricted-data': false } },
      { a: { 'q-former-clients': ['false'] }, r: { 'q-former-clients': true, 'q-restricted-data': false } },
    ];
    for (const [i, p] of people.entries()) await addAttempt(t.db, { userId: p, course: 'confidentiality', number: 1, at: now, answers: first[i]!.a, results: first[i]!.r });
    // a second attempt is not a first attempt: it must not move the figures
    await addAttempt(t.db, { userId: people[1]!, course: 'confidentiality', number: 2, at: now, answers: { 'q-former-clients': ['true'] }, results: { 'q-former-clients': false } });
    const stats = await questionStats({ db: t.db, actor: systemActor, courseSlug: 'confidentiality', locale: 'en' });
    expect(stats.firstAttempts).toBe(4);
    const byId = new Map(stats.questions.map((q) => [q.id, q]));
    expect(byId.get('q-former-clients')).toMatchObject({ firstAttempts: 4, right: 3, rightPercent: 75, mostChosenWrong: { optionId: 'true', count: 1 } });
    expect(byId.get('q-restricted-data')).toMatchObject({ firstAttempts: 4, right: 1, rightPercent: 25, mostChosenWrong: { optionId: 'b', count: 2 } });
    expect(stats.questions[0]!.id).toBe('q-former-clients');
  });
});

describe('the completions export', () => {
  it('streams a BOM, the header and one guarded row per person and assigned course, across pages', async () => {
    const dept = await addDepartment(t.db, '税务部');
    const a = await addPerson(t.db, { email: 'a@x.example', name: '王芳', departmentId: dept });
    const b = await addPerson(t.db, { email: 'b@x.example', name: '=HYPERLINK("http://evil")', departmentId: null });
    const c = await addPerson(t.db, { email: 'c@x.example', name: 'Unassigned Person' });
    for (const id of [a, b]) for (const course of ['confidentiality', 'emergency-response']) await addAssignment(t.db, id, course, now + DAY);
    await addAttempt(t.db, { userId: a, course: 'confidentiality', number: 1, at: now - DAY, score: 92, completion: { expiresAt: now + 300 * DAY } });
    const text = await readAll(completionsStream({ db: t.db, actor: systemActor, filters: {}, format: 'csv', now, pageSize: 1 }));
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['email', 'name', 'department', 'course', 'status', 'dueAt', 'completedAt', 'score', 'expiresAt']);
    expect(rows.slice(1).map((r) => `${r[0]} ${r[3]}`)).toEqual(['a@x.example confidentiality', 'a@x.example emergency-response', 'b@x.example confidentiality', 'b@x.example emergency-response']);
    expect(rows[1]).toEqual(['a@x.example', '王芳', '税务部', 'confidentiality', 'completed', new Date(now + DAY).toISOString().replace('.000', ''), new Date(now - DAY).toISOString().replace('.000', ''), '92', new Date(now + 300 * DAY).toISOString().replace('.000', '')]);
    expect(rows[3]![1]).toBe(`'=HYPERLINK("http://evil")`);
    expect(text).not.toContain(c);
  });

  it('writes CSV times as ISO 8601 UTC to the second, cutting the milliseconds rather than rounding them', async () => {
    const a = await addPerson(t.db, { email: 'ms@x.example' });
    await addAssignment(t.db, a, 'confidentiality', Date.UTC(2027, 0, 31, 23, 59, 59, 999));
    const rows = parseCsv(await readAll(completionsStream({ db: t.db, actor: systemActor, filters: {}, format: 'csv', now })));
    expect(rows.find((r) => r[0] === 'ms@x.example')?.[5]).toBe('2027-01-31T23:59:59Z');
  });

  it('streams the same rows as a JSON array, filtered by status', async () => {
    const a = await addPerson(t.db, { email: 'a@x.example' });
    await addAssignment(t.db, a, 'confidentiality', now - DAY);
    await addAssignment(t.db, a, 'emergency-response', now + DAY);
    const all = JSON.parse(await readAll(completionsStream({ db: t.db, actor: systemActor, filters: {}, format: 'json', now, pageSize: 1 })));
    expect(all.map((r: { course: string; status: string }) => `${r.course}:${r.status}`)).toEqual(['confidentiality:overdue', 'emergency-response:assigned']);
    expect(Object.keys(all[0])).toEqual(['email', 'name', 'department', 'course', 'status', 'dueAt', 'completedAt', 'score', 'expiresAt']);
    const late = JSON.parse(await readAll(completionsStream({ db: t.db, actor: systemActor, filters: { status: 'overdue' }, format: 'json', now })));
    expect(late).toHaveLength(1);
    expect(JSON.parse(await readAll(completionsStream({ db: t.db, actor: systemActor, filters: { course: 'nothing' }, format: 'json', now })))).toEqual([]);
  });
});
