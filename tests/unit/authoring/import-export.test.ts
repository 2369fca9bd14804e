// content/ into the database and back out: the first start's import, re-imports that change
// nothing, and an export that imports to exactly the same content.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema.ts';
import { exportContent } from '../../../src/lib/authoring/export-content.ts';
import { importContent } from '../../../src/lib/authoring/import-content.ts';
import { listLatestPublished } from '../../../src/lib/authoring/published-docs.ts';
import { getChecklist, getCourse, listCourses, refreshCatalog } from '../../../src/lib/content/catalog.ts';
import { loadCatalog } from '../../../src/lib/content/load-content.ts';
import { readContentSource } from '../../../src/lib/content/read-content-source.ts';
import { tempDb } from '../../support/db.ts';
import { systemActor } from '../../../src/lib/auth/permissions.ts';

const real = path.resolve('content');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
async function db() {
  const t = await tempDb();
  cleanups.push(t.close);
  return t.db;
}
const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lms-export-'));

describe('importing content/', () => {
  it('publishes every course and checklist at the version its files carry, and pages then read them from the database', async () => {
    const d = await db();
    const files = loadCatalog(real);
    const result = await importContent(d, { source: files, actor: systemActor });
    expect(result.published.map((p) => `${p.kind}:${p.slug}`).sort()).toEqual([
      'checklist:client-data-handling',
      'checklist:emergency-drill',
      'checklist:records-destruction',
      'course:confidentiality',
      'course:emergency-response',
      'course:retention-and-destruction',
    ]);
    for (const p of result.published) {
      const fileVersion = p.kind === 'course' ? files.courses.get(p.slug)!.en.meta.version : files.checklists.get(p.slug)!.en.version;
      expect(p.version).toBe(fileVersion);
    }
    await refreshCatalog(d);
    expect(listCourses('en').map((c) => c.slug)).toEqual(['confidentiality', 'emergency-response', 'retention-and-destruction']);
    const course = getCourse('confidentiality', 'zh-cn')!;
    const fromFiles = files.courses.get('confidentiality')!['zh-cn'];
    expect(course.meta).toEqual(fromFiles.meta);
    expect(course.lessons.map((l) => [l.slug, l.title, l.markdown])).toEqual(fromFiles.lessons.map((l) => [l.slug, l.title, l.markdown]));
    expect(course.quiz).toEqual(fromFiles.quiz);
    expect(getChecklist('client-data-handling', 'en')!.sections.flatMap((s) => s.items)).toEqual(files.checklists.get('client-data-handling')!.en.sections.flatMap((s) => s.items));
  });

  it('leaves the first start\'s import out of the audit log (an install step), but logs every later import that publishes', async () => {
    const d = await db();
    await importContent(d, { source: loadCatalog(real), actor: systemActor, log: false });
    expect(await d.select().from(auditLog)).toEqual([]);
    const dir = tmpDir();
    fs.cpSync(real, dir, { recursive: true });
    const file = path.join(dir, 'checklists/zh-cn/emergency-drill.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "应急演练（现场）"'));
    await importContent(d, { source: loadCatalog(dir), actor: systemActor });
    expect((await d.select().from(auditLog)).map((e) => [e.action, e.subjectId])).toEqual([['content.publish', 'emergency-drill']]);
  });

  it('publishes nothing when the same files are imported again', async () => {
    const d = await db();
    await importContent(d, { source: loadCatalog(real), actor: systemActor });
    const again = await importContent(d, { source: loadCatalog(real), actor: systemActor });
    expect(again.published).toEqual([]);
    expect(again.unchanged).toHaveLength(6);
  });

  it('publishes a changed file as the next version, leaving the rest alone', async () => {
    const d = await db();
    await importContent(d, { source: loadCatalog(real), actor: systemActor });
    const dir = tmpDir();
    fs.cpSync(real, dir, { recursive: true });
    const file = path.join(dir, 'checklists/en/emergency-drill.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: "Emergency drill"', 'title: "Emergency drill (site)"'));
    const before = loadCatalog(real).checklists.get('emergency-drill')!.en.version;
    const result = await importContent(d, { source: loadCatalog(dir), actor: systemActor });
    expect(result.published).toEqual([{ kind: 'checklist', slug: 'emergency-drill', version: before + 1 }]);
  });
});

describe('export and import again', () => {
  it('gives identical content, and the exported files are a valid content/ library', async () => {
    const first = await db();
    await importContent(first, { source: loadCatalog(real), actor: systemActor });
    const dir = tmpDir();
    const written = await exportContent(first, dir);
    expect(written).toContain('courses/zh-cn/confidentiality/quiz.yaml');
    expect(written).toContain('checklists/en/client-data-handling.yaml');

    // the exported files read back exactly as the originals do
    const exported = loadCatalog(dir);
    const original = loadCatalog(real);
    for (const [slug, c] of original.courses) {
      for (const locale of ['en', 'zh-cn'] as const) {
        expect(exported.courses.get(slug)![locale].meta).toEqual(c[locale].meta);
        expect(exported.courses.get(slug)![locale].quiz).toEqual(c[locale].quiz);
        expect(exported.courses.get(slug)![locale].lessons.map((l) => [l.slug, l.title, l.markdown])).toEqual(c[locale].lessons.map((l) => [l.slug, l.title, l.markdown]));
      }
    }
    expect(exported.checklists).toEqual(original.checklists);

    // into a fresh database: the same versions and documents
    const second = await db();
    await importContent(second, { source: exported, actor: systemActor });
    const strip = (rows: Awaited<ReturnType<typeof listLatestPublished>>) => rows.map((r) => ({ kind: r.kind, slug: r.slug, version: r.version, doc: r.doc }));
    expect(strip(await listLatestPublished(second))).toEqual(strip(await listLatestPublished(first)));
    // and back into the first: nothing changes
    expect((await importContent(first, { source: exported, actor: systemActor })).published).toEqual([]);
  });

  it('reads a zip of a content folder the same as the folder', async () => {
    const dir = tmpDir();
    fs.cpSync(real, path.join(dir, 'content'), { recursive: true });
    const entries: Record<string, Uint8Array> = {};
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, e.name);
        if (e.isDirectory()) walk(full);
        else entries[path.relative(dir, full)] = fs.readFileSync(full);
      }
    };
    walk(dir);
    const zip = path.join(tmpDir(), 'content.zip');
    fs.writeFileSync(zip, zipSync(entries));
    expect(readContentSource(zip)).toEqual(loadCatalog(real));
  });

  it('refuses a zip entry that would write outside the folder it is unpacked into', () => {
    const zip = path.join(tmpDir(), 'evil.zip');
    fs.writeFileSync(zip, zipSync({ '../../evil.yaml': new TextEncoder().encode('x: 1') }));
    expect(() => readContentSource(zip)).toThrow(/outside the archive/);
  });
});
