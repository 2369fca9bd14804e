import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/lib/content/load-content.ts';

const real = path.resolve('content');
let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-content-'));
  fs.cpSync(real, root, { recursive: true });
});
const edit = (rel: string, change: (text: string) => string) => {
  const file = path.join(root, rel);
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
};

describe('the content of this install', () => {
  it('has the three courses and three checklists in both languages, with substance', () => {
    const c = loadCatalog(real);
    expect([...c.courses.keys()].sort()).toEqual(['confidentiality', 'emergency-response', 'retention-and-destruction']);
    expect([...c.checklists.keys()].sort()).toEqual(['client-data-handling', 'emergency-drill', 'records-destruction']);
    for (const course of c.courses.values()) {
      expect(course.en.lessons.length).toBeGreaterThanOrEqual(4);
      expect(course.en.quiz.questions.length).toBeGreaterThanOrEqual(12);
      expect(new Set(course.en.quiz.questions.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'truefalse']));
      expect(course.en.meta).toMatchObject({ passMark: 80, recertifyMonths: 12 });
    }
    const main = c.checklists.get('client-data-handling')!.en;
    expect(main.sections).toHaveLength(20);
    // All 120 points of the source, six per section; issue 11 added further points after them.
    expect(main.sections.every((s) => s.items.length >= 6)).toBe(true);
    expect(main.sections.flatMap((s) => s.items.slice(0, 6))).toHaveLength(120);
  });
});

describe('a content error names the file and the field', () => {
  it('a missing course field', () => {
    edit('courses/en/confidentiality/course.yaml', (t) => t.replace(/^passMark:.*$/m, ''));
    expect(() => loadCatalog(root)).toThrow(/courses\/en\/confidentiality\/course\.yaml: passMark/);
  });
  it('an option id used twice', () => {
    edit('courses/zh-cn/emergency-response/quiz.yaml', (t) => t.replace(/- id: "?b"?\n/, '- id: a\n'));
    expect(() => loadCatalog(root)).toThrow(/courses\/zh-cn\/emergency-response\/quiz\.yaml: questions\.\d+\.options\.\d+\.id: option id "a" is used twice/);
  });
  it('a question with no correct option', () => {
    edit('courses/en/retention-and-destruction/quiz.yaml', (t) => t.replace(/\n\s*correct: true/, ''));
    expect(() => loadCatalog(root)).toThrow(/retention-and-destruction\/quiz\.yaml: questions\.0\.options: no option is marked correct/);
  });
  it('question ids that differ between locales', () => {
    edit('courses/zh-cn/confidentiality/quiz.yaml', (t) => t.replace(/- id: q-([a-z-]+)/, '- id: q-renamed'));
    expect(() => loadCatalog(root)).toThrow(/confidentiality\/quiz\.yaml: questions: ids differ between locales/);
  });
  it('checklist item ids that differ between locales', () => {
    edit('checklists/zh-cn/records-destruction.yaml', (t) => t.replace(/id: "?rd-01"?/, 'id: "rd-99"'));
    expect(() => loadCatalog(root)).toThrow(/records-destruction\.yaml: items/);
  });
  it('an unknown severity', () => {
    edit('checklists/en/emergency-drill.yaml', (t) => t.replace(/severity: "?high"?/, 'severity: "huge"'));
    expect(() => loadCatalog(root)).toThrow(/checklists\/en\/emergency-drill\.yaml: sections\.\d+\.items\.\d+\.severity/);
  });
  it('fails the build itself', () => {
    edit('courses/en/confidentiality/course.yaml', (t) => t.replace(/^version:.*$/m, 'version: two'));
    let output = '';
    try {
      execFileSync('npx', ['astro', 'build', '--outDir', path.join(root, 'dist')], { env: { ...process.env, LMS_CONTENT_DIR: root, ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      output = String((err as { stdout?: string }).stdout) + String((err as { stderr?: string }).stderr);
    }
    expect(output).toMatch(/courses\/en\/confidentiality\/course\.yaml: version/);
  }, 120_000);
});
