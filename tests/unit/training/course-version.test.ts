// Issue 11 bumped every course to version 2. A completion earned on version 1 keeps that version on the
// person's transcript; passing the new version adds a completion of its own. The course version is read from
// content/, so the test runs the same operations first against a copy of the content still at version 1
// (as the install was before the bump), then against the real content.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attempts, completions } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/manage-users.ts';
import { systemActor } from '../../../src/lib/auth/permissions.ts';
import type { Db } from '../../../src/lib/db/client.ts';
import { tempDb } from '../../support/db.ts';

const real = path.resolve('content');
const slugs = ['confidentiality', 'emergency-response', 'retention-and-destruction'];

/** A copy of content/ with every course at version 1. */
function contentAtVersion1(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-content-v1-'));
  fs.cpSync(real, dir, { recursive: true });
  for (const locale of ['en', 'zh-cn']) {
    for (const slug of slugs) {
      const file = path.join(dir, 'courses', locale, slug, 'course.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^version: \d+$/m, 'version: 1'));
    }
  }
  return dir;
}

/** The training operations of a fresh module graph that reads its content from `dir`. */
async function installWith(dir: string) {
  process.env.LMS_CONTENT_DIR = dir;
  vi.resetModules();
  const { submitAttempt } = await import('../../../src/lib/training/submit-attempt.ts');
  const { listMyCompletions } = await import('../../../src/lib/training/list-my-completions.ts');
  const { getCourse } = await import('../../../src/lib/content/catalog.ts');
  const pass = (db: Db, userId: string, courseSlug: string, now: number) => {
    const quiz = getCourse(courseSlug, 'en')!.quiz;
    const answers = Object.fromEntries(quiz.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
    return submitAttempt({ db, userId, courseSlug, locale: 'en', answers, now });
  };
  return { pass, listMyCompletions, getCourse };
}

const before = process.env.LMS_CONTENT_DIR;
let db: Db;
let close: () => void;
let userId: string;
beforeEach(async () => {
  ({ db, close } = await tempDb());
  userId = await createUser(db, { user: { email: 'vera@example.com', name: 'Vera', role: 'employee', department: undefined }, password: 'a long enough password', actor: systemActor });
});
afterEach(() => close());
afterAll(() => {
  if (before === undefined) delete process.env.LMS_CONTENT_DIR;
  else process.env.LMS_CONTENT_DIR = before;
  vi.resetModules();
});

describe('a course version bump', () => {
  it('every course is at version 2 in both languages', async () => {
    const now = await installWith(real);
    for (const slug of slugs) for (const locale of ['en', 'zh-cn'] as const) expect(now.getCourse(slug, locale)!.meta.version, `${slug} ${locale}`).toBe(2);
  });

  it('leaves a completion earned on version 1 at version 1, and a pass of version 2 adds its own completion', async () => {
    const earned = Date.UTC(2026, 5, 1, 9);
    const old = await installWith(contentAtVersion1());
    const first = await old.pass(db, userId, 'confidentiality', earned);
    expect(first.completion).toMatchObject({ created: true, version: 1 });
    const [kept] = await db.select().from(completions).where(eq(completions.id, first.completion!.id));

    const now = await installWith(real);
    expect((await now.listMyCompletions({ db, userId })).map((c) => [c.course, c.version, c.completedAt])).toEqual([['confidentiality', 1, earned]]);

    const later = Date.UTC(2026, 11, 2, 9); // within the 12 months of the first completion
    const second = await now.pass(db, userId, 'confidentiality', later);
    expect(second.completion).toMatchObject({ created: true, version: 2 });
    expect((await now.listMyCompletions({ db, userId })).map((c) => [c.course, c.version, c.completedAt])).toEqual([
      ['confidentiality', 2, later],
      ['confidentiality', 1, earned],
    ]);
    const [stillThere] = await db.select().from(completions).where(eq(completions.id, first.completion!.id));
    expect(stillThere).toEqual(kept);
    expect((await db.select().from(attempts).where(eq(attempts.userId, userId))).map((a) => a.courseVersion).sort()).toEqual([1, 2]);
  });
});
