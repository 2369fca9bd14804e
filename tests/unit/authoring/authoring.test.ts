// Authoring: drafts that must be valid, two editors who cannot overwrite each other, and what
// publishing does to completions and audits.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, completions, notifications } from '../../../db/schema.ts';
import { checklistOf, findAudit } from '../../../src/lib/audit/load-audit.ts';
import { startAudit } from '../../../src/lib/audit/start-audit.ts';
import { createUser } from '../../../src/lib/auth/manage-users.ts';
import type { Role } from '../../../src/lib/auth/permissions.ts';
import { getAuthoring } from '../../../src/lib/authoring/get-authoring.ts';
import { publishContent } from '../../../src/lib/authoring/publish-content.ts';
import { saveDraft } from '../../../src/lib/authoring/save-draft.ts';
import { importContent } from '../../../src/lib/authoring/import-content.ts';
import { untranslatedFields } from '../../../src/lib/authoring/untranslated.ts';
import { getChecklist, getCourse, refreshCatalog } from '../../../src/lib/content/catalog.ts';
import { validateCourseDoc, type ChecklistDocument, type CourseDoc } from '../../../src/lib/content/documents.ts';
import { loadCatalog } from '../../../src/lib/content/load-content.ts';
import type { Db } from '../../../src/lib/db/client.ts';
import { AppError } from '../../../src/lib/errors.ts';
import { verifyLog } from '../../../src/lib/log/verify-log.ts';
import { listMyCourses } from '../../../src/lib/training/list-my-courses.ts';
import { submitAttempt } from '../../../src/lib/training/submit-attempt.ts';
import { tempDb } from '../../support/db.ts';
import { systemActor } from '../../../src/lib/auth/permissions.ts';

const DAY = 86_400_000;
let db: Db;
let close: () => void;
const people: Record<string, { id: string; role: Role; name: string }> = {};

async function person(name: string, role: Role) {
  const id = await createUser(db, { user: { email: `${name.toLowerCase()}@example.com`, name, role, department: undefined }, password: 'a long enough password', actor: systemActor });
  people[name] = { id, role, name };
  return people[name]!;
}

beforeEach(async () => {
  ({ db, close } = await tempDb());
  await importContent(db, { source: loadCatalog(path.resolve('content')), actor: systemActor });
  await refreshCatalog(db);
  await person('Erin', 'editor');
  await person('Frank', 'editor');
  await person('Amy', 'employee');
  await person('Aldo', 'auditor');
});
afterEach(() => close());

const clone = <T>(v: T): T => structuredClone(v);
async function publishedCourse(slug = 'confidentiality'): Promise<CourseDoc & { version: number }> {
  const view = await getAuthoring(db, { actor: people.Erin!, kind: 'course', slug });
  return view.published as unknown as CourseDoc & { version: number };
}
function docOf(view: CourseDoc & Record<string, unknown>): CourseDoc {
  const { passMark, recertifyMonths, estimatedMinutes, audience, en } = view;
  return clone({ passMark, recertifyMonths, estimatedMinutes, audience, en, 'zh-cn': view['zh-cn'] });
}
async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('draft validation', () => {
  it('names a question with no correct option, ids that differ between the languages, and an empty lesson', async () => {
    const doc = docOf(await publishedCourse());
    doc.en.quiz.questions[0]!.options.forEach((o) => delete o.correct);
    doc['zh-cn'].quiz.questions[1]!.id = 'q-renamed-in-chinese';
    doc.en.lessons[2]!.markdown = '  \n';
    const result = validateCourseDoc(doc);
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['en.quiz.questions.0.options', 'en.lessons.2.markdown']));
    // the id check needs the rest to be well-formed, so it is reported once the others are fixed
    const fixed = docOf(await publishedCourse());
    fixed['zh-cn'].quiz.questions[1]!.id = 'q-renamed-in-chinese';
    const second = validateCourseDoc(fixed);
    expect(second.ok ? [] : second.problems).toEqual([expect.objectContaining({ field: 'zh-cn.quiz.questions.1.id', message: expect.stringContaining('q-renamed-in-chinese') })]);
  });

  it('refuses to save an invalid draft with 422 naming each field, and saves nothing', async () => {
    const doc = docOf(await publishedCourse());
    doc.en.quiz.questions[0]!.options.forEach((o) => delete o.correct);
    doc['zh-cn'].lessons[0]!.markdown = '';
    const err = await rejection(saveDraft(db, { actor: people.Erin!, kind: 'course', slug: 'confidentiality', revision: 0, doc }));
    expect(err.status).toBe(422);
    expect((err.details as { field: string }[]).map((d) => d.field)).toEqual(expect.arrayContaining(['en.quiz.questions.0.options', 'zh-cn.lessons.0.markdown']));
    expect((await getAuthoring(db, { actor: people.Erin!, kind: 'course', slug: 'confidentiality' })).draft).toBeUndefined();
  });

  it('lets only editors and administrators save', async () => {
    const doc = docOf(await publishedCourse());
    expect((await rejection(saveDraft(db, { actor: people.Amy!, kind: 'course', slug: 'confidentiality', revision: 0, doc }))).status).toBe(403);
    expect((await rejection(saveDraft(db, { actor: people.Aldo!, kind: 'course', slug: 'confidentiality', revision: 0, doc }))).status).toBe(403);
  });
});

describe('two editors on one draft', () => {
  it('refuses the save of the one who worked on an older revision, naming who saved in between', async () => {
    const base = docOf(await publishedCourse());
    // both open the course with no draft yet (revision 0)
    const erin = clone(base);
    const frank = clone(base);
    erin.en.title = 'Client Confidentiality (Erin)';
    frank.en.title = 'Client Confidentiality (Frank)';
    expect(await saveDraft(db, { actor: people.Erin!, kind: 'course', slug: 'confidentiality', revision: 0, doc: erin })).toMatchObject({ revision: 1 });
    const err = await rejection(saveDraft(db, { actor: people.Frank!, kind: 'course', slug: 'confidentiality', revision: 0, doc: frank }));
    expect(err.status).toBe(409);
    expect(err.message).toContain('Erin');
    // Erin's text survived; Frank reloads (revision 1) and saves on top of it
    const view = await getAuthoring(db, { actor: people.Frank!, kind: 'course', slug: 'confidentiality' });
    expect(view.draft).toMatchObject({ revision: 1, updatedByName: 'Erin' });
    expect((view.draft as unknown as CourseDoc).en.title).toBe('Client Confidentiality (Erin)');
    expect(await saveDraft(db, { actor: people.Frank!, kind: 'course', slug: 'confidentiality', revision: 1, doc: frank })).toMatchObject({ revision: 2 });
    // Erin autosaves again on her revision 1: refused in turn
    expect((await rejection(saveDraft(db, { actor: people.Erin!, kind: 'course', slug: 'confidentiality', revision: 1, doc: erin }))).message).toContain('Frank');
  });
});

describe('publishing a course', () => {
  async function completeAsAmy(now: number) {
    const course = getCourse('confidentiality', 'en')!;
    const answers = Object.fromEntries(course.quiz.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
    const result = await submitAttempt({ db, userId: people.Amy!.id, courseSlug: 'confidentiality', locale: 'en', answers, now });
    expect(result.passed).toBe(true);
  }
  async function draftWithNewText(marker: string) {
    const doc = docOf(await publishedCourse());
    doc.en.lessons[0]!.markdown += `\n\n${marker} (en)\n`;
    doc['zh-cn'].lessons[0]!.markdown += `\n\n${marker}（中文）\n`;
    await saveDraft(db, { actor: people.Erin!, kind: 'course', slug: 'confidentiality', revision: 0, doc });
  }
  const amysCourse = async (now: number) => (await listMyCourses({ db, user: people.Amy!, locale: 'en', now, slug: 'confidentiality' }))[0]!;

  it('as a material change: the next version, and a completion of the older one is due for recertification in 30 days', async () => {
    const completedAt = Date.UTC(2026, 5, 1);
    await completeAsAmy(completedAt);
    expect((await amysCourse(completedAt + DAY)).status).toBe('completed');
    const v1 = (await publishedCourse()).version;
    await draftWithNewText('New rule');
    const publishedAt = completedAt + 10 * DAY;
    const result = await publishContent(db, { actor: people.Erin!, kind: 'course', slug: 'confidentiality', material: true, note: 'New sharing rule', now: publishedAt });
    expect(result.version).toBe(v1 + 1);
    expect(result.recertification).toMatchObject({ count: 1, userIds: [people.Amy!.id], dueAt: publishedAt + 30 * DAY });

    const mine = await amysCourse(publishedAt + DAY);
    expect(mine).toMatchObject({ status: 'expired', version: v1 + 1, dueAt: publishedAt + 30 * DAY });
    // the completion itself is kept, with the version it was earned on
    const [completion] = await db.select().from(completions).where(eq(completions.userId, people.Amy!.id));
    expect(completion).toMatchObject({ courseVersion: v1, completedAt, expiresAt: publishedAt });
    // the page reads the new text at once
    expect(getCourse('confidentiality', 'zh-cn')!.lessons[0]!.markdown).toContain('New rule（中文）');
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'content.publish')).orderBy(auditLog.seq).limit(100).then((rows) => rows.slice(-1));
    expect(JSON.parse(entry!.details)).toMatchObject({ version: v1 + 1, material: true, note: 'New sharing rule', recertificationDue: 1 });
    expect((await verifyLog(db)).ok).toBe(true);
    // the person concerned is told, through the outbox written in the same transaction
    const mails = await db.select().from(notifications).where(eq(notifications.userId, people.Amy!.id));
    expect(mails.map((m) => [m.kind, m.link])).toEqual([['training.recertify', '/training/confidentiality']]);
    expect(JSON.parse(mails[0]!.params)).toMatchObject({ courseSlug: 'confidentiality', version: v1 + 1, dueAt: publishedAt + 30 * DAY });
    // and taking the new version clears it
    await completeAsAmy(publishedAt + 2 * DAY);
    expect((await amysCourse(publishedAt + 3 * DAY)).status).toBe('completed');
  });

  it('as a non-material change: completions stay as they were', async () => {
    const completedAt = Date.UTC(2026, 5, 1);
    await completeAsAmy(completedAt);
    const [before] = await db.select().from(completions).where(eq(completions.userId, people.Amy!.id));
    await draftWithNewText('Typo fixed');
    const result = await publishContent(db, { actor: people.Erin!, kind: 'course', slug: 'confidentiality', material: false, note: 'Typo', now: completedAt + 10 * DAY });
    expect(result.recertification).toBeNull();
    expect(await db.select().from(notifications)).toEqual([]);
    const [after] = await db.select().from(completions).where(eq(completions.userId, people.Amy!.id));
    expect(after).toEqual(before);
    expect((await amysCourse(completedAt + 11 * DAY)).status).toBe('completed');
  });

  it('needs a note and a draft that differs from what is published', async () => {
    expect((await rejection(publishContent(db, { actor: people.Erin!, kind: 'course', slug: 'confidentiality', material: false, note: 'x' }))).status).toBe(409);
    await saveDraft(db, { actor: people.Erin!, kind: 'course', slug: 'confidentiality', revision: 0, doc: docOf(await publishedCourse()) });
    expect((await rejection(publishContent(db, { actor: people.Erin!, kind: 'course', slug: 'confidentiality', material: false, note: '  ' }))).status).toBe(422);
    expect((await rejection(publishContent(db, { actor: people.Erin!, kind: 'course', slug: 'confidentiality', material: false, note: 'same' }))).status).toBe(422);
  });
});

describe('publishing a checklist', () => {
  it('leaves an audit in progress on the version it started on; a new audit takes the new one', async () => {
    const older = await startAudit(db, { checklist: 'emergency-drill', title: 'Drill 1', locale: 'en', actor: people.Aldo! });
    const view = await getAuthoring(db, { actor: people.Erin!, kind: 'checklist', slug: 'emergency-drill' });
    const doc = clone({ en: (view.published as unknown as ChecklistDocument).en, 'zh-cn': (view.published as unknown as ChecklistDocument)['zh-cn'] });
    const v1 = view.published!.version;
    for (const locale of ['en', 'zh-cn'] as const) {
      doc[locale].sections[0]!.items.push({ id: 'ed-new', text: `A new point (${locale})`, guidance: 'Check it.', severity: 'low', evidence: 'none' });
    }
    await saveDraft(db, { actor: people.Erin!, kind: 'checklist', slug: 'emergency-drill', revision: 0, doc });
    expect((await publishContent(db, { actor: people.Erin!, kind: 'checklist', slug: 'emergency-drill', material: true, note: 'One more point' })).version).toBe(v1 + 1);

    const kept = checklistOf(await findAudit(db, older.id));
    expect(kept.version).toBe(v1);
    expect(kept.sections[0]!.items.some((i) => i.id === 'ed-new')).toBe(false);
    const newer = checklistOf(await findAudit(db, (await startAudit(db, { checklist: 'emergency-drill', title: 'Drill 2', locale: 'zh-cn', actor: people.Aldo! })).id));
    expect(newer.version).toBe(v1 + 1);
    expect(newer.sections[0]!.items.at(-1)).toMatchObject({ id: 'ed-new', text: 'A new point (zh-cn)' });
    expect(getChecklist('emergency-drill', 'en')!.version).toBe(v1 + 1);
  });
});

describe('untranslated text', () => {
  it('flags Chinese fields that are still the English, and nothing in the translated library', async () => {
    const doc = docOf(await publishedCourse());
    expect(untranslatedFields(doc)).toEqual([]);
    doc['zh-cn'].lessons[1]!.title = doc.en.lessons[1]!.title;
    doc['zh-cn'].quiz.questions[0]!.explanation = doc.en.quiz.questions[0]!.explanation;
    expect(untranslatedFields(doc)).toEqual(['zh-cn.lessons.1.title', 'zh-cn.quiz.questions.0.explanation']);
  });
});

it('keeps the fixture library in place', () => expect(fs.existsSync(path.resolve('content/courses/en/confidentiality/course.yaml'))).toBe(true));
