// Reads content/ from disk, validates every file, and checks the two locales agree on ids.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { locales, type Locale } from '../../i18n/index.ts';
import { checklistSchema, courseMetaSchema, lessonFrontMatterSchema, quizSchema, type Checklist, type CourseMeta, type Quiz } from './schemas.ts';

export class ContentError extends Error {
  readonly file: string;
  readonly field: string;
  constructor(file: string, field: string, detail: string) {
    super(`${file}: ${field ? `${field}: ` : ''}${detail}`);
    this.file = file;
    this.field = field;
  }
}

export type Lesson = { slug: string; order: number; title: string; markdown: string };
export type Course = { slug: string; locale: Locale; meta: CourseMeta; lessons: Lesson[]; quiz: Quiz };
export type ChecklistDoc = Checklist & { slug: string; locale: Locale };
export type Catalog = {
  courses: Map<string, Record<Locale, Course>>;
  checklists: Map<string, Record<Locale, ChecklistDoc>>;
};

function readYaml<S extends z.ZodType>(file: string, schema: S, root: string): z.infer<S> {
  const rel = path.relative(root, file);
  if (!fs.existsSync(file)) throw new ContentError(rel, '', 'file is missing');
  let data: unknown;
  try {
    data = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ContentError(rel, '', `not valid YAML: ${(err as Error).message}`);
  }
  return validate(schema, data, rel);
}

function validate<S extends z.ZodType>(schema: S, data: unknown, rel: string): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ContentError(rel, issue.path.join('.') || '(root)', issue.message);
  }
  return parsed.data;
}

function readLesson(file: string, root: string): Lesson {
  const rel = path.relative(root, file);
  const match = /^(\d+)-([a-z0-9-]+)\.md$/.exec(path.basename(file));
  if (!match) throw new ContentError(rel, 'file name', 'lessons are named NN-<lesson-slug>.md');
  const text = fs.readFileSync(file, 'utf8');
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!fm) throw new ContentError(rel, 'front-matter', 'the lesson must start with front-matter holding its title');
  const meta = validate(lessonFrontMatterSchema, parseYaml(fm[1]!), rel);
  if (!fm[2]!.trim()) throw new ContentError(rel, 'body', 'the lesson has no text');
  return { slug: match[2]!, order: Number(match[1]), title: meta.title, markdown: fm[2]! };
}

function readCourse(dir: string, slug: string, locale: Locale, root: string): Course {
  const meta = readYaml(path.join(dir, 'course.yaml'), courseMetaSchema, root);
  const quiz = readYaml(path.join(dir, 'quiz.yaml'), quizSchema, root);
  const lessons = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readLesson(path.join(dir, f), root));
  if (lessons.length === 0) throw new ContentError(path.relative(root, dir), 'lessons', 'the course has no lessons');
  return { slug, locale, meta, lessons, quiz };
}

function sameIds(what: string, rel: string, a: string[], b: string[]): void {
  if (a.join('|') !== b.join('|')) throw new ContentError(rel, what, `ids differ between locales: [${a.join(', ')}] vs [${b.join(', ')}]`);
}

function checkCourseLocalesAgree(en: Course, zh: Course, rel: string): void {
  if (en.meta.version !== zh.meta.version || en.meta.passMark !== zh.meta.passMark || en.meta.recertifyMonths !== zh.meta.recertifyMonths) {
    throw new ContentError(`${rel}/course.yaml`, 'version/passMark/recertifyMonths', 'must be the same in every locale');
  }
  sameIds('lessons', rel, en.lessons.map((l) => l.slug), zh.lessons.map((l) => l.slug));
  sameIds('questions', `${rel}/quiz.yaml`, en.quiz.questions.map((q) => q.id), zh.quiz.questions.map((q) => q.id));
  en.quiz.questions.forEach((q, i) => {
    const other = zh.quiz.questions[i]!;
    const key = (x: typeof q) => `${x.type}:${x.options.map((o) => `${o.id}${o.correct ? '*' : ''}`).join(',')}`;
    if (key(q) !== key(other)) throw new ContentError(`${rel}/quiz.yaml`, `questions.${i} (${q.id})`, 'type, option ids or correct options differ between locales');
  });
}

function checkChecklistLocalesAgree(en: Checklist, zh: Checklist, rel: string): void {
  if (en.version !== zh.version) throw new ContentError(rel, 'version', 'must be the same in every locale');
  sameIds('sections', rel, en.sections.map((s) => s.id), zh.sections.map((s) => s.id));
  const items = (c: Checklist) => c.sections.flatMap((s) => s.items.map((i) => `${i.id}:${i.severity}:${i.evidence}`));
  sameIds('items (id:severity:evidence)', rel, items(en), items(zh));
}

const dirsIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : []);

/** Loads and validates all courses and checklists; throws a ContentError naming the file and field. */
export function loadCatalog(root: string): Catalog {
  const courses: Catalog['courses'] = new Map();
  const courseSlugs = new Set(locales.flatMap((l) => dirsIn(path.join(root, 'courses', l))));
  for (const slug of courseSlugs) {
    const [en, zh] = locales.map((l) => readCourse(path.join(root, 'courses', l, slug), slug, l, root)) as [Course, Course];
    checkCourseLocalesAgree(en, zh, `courses/*/${slug}`);
    courses.set(slug, { en, 'zh-cn': zh });
  }
  const checklists: Catalog['checklists'] = new Map();
  const checklistSlugs = new Set(locales.flatMap((l) => (fs.existsSync(path.join(root, 'checklists', l)) ? fs.readdirSync(path.join(root, 'checklists', l)) : []).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5))));
  for (const slug of [...checklistSlugs].sort()) {
    const [en, zh] = locales.map((l) => ({ ...readYaml(path.join(root, 'checklists', l, `${slug}.yaml`), checklistSchema, root), slug, locale: l })) as [ChecklistDoc, ChecklistDoc];
    checkChecklistLocalesAgree(en, zh, `checklists/*/${slug}.yaml`);
    checklists.set(slug, { en, 'zh-cn': zh });
  }
  return { courses, checklists };
}
