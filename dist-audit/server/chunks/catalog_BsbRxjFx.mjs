import { t as config } from "./config_B843mDYI.mjs";
import { r as locales } from "./i18n_poIUamJY.mjs";
import { r as roles } from "./permissions_DBoHzJdR.mjs";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parse } from "yaml";
// src/lib/content/schemas.ts
var id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens");
var courseMetaSchema = z.strictObject({
	title: z.string().min(1),
	summary: z.string().min(1),
	version: z.number().int().positive(),
	passMark: z.number().int().min(1).max(100),
	recertifyMonths: z.number().int().min(0),
	estimatedMinutes: z.number().int().positive(),
	audience: z.union([z.literal("all"), z.array(z.enum(roles)).min(1)])
});
var optionSchema = z.strictObject({
	id,
	text: z.string().min(1),
	correct: z.literal(true).optional()
});
var questionSchema = z.strictObject({
	id,
	type: z.enum([
		"single",
		"multiple",
		"truefalse"
	]),
	prompt: z.string().min(1),
	options: z.array(optionSchema).min(2),
	explanation: z.string().min(1)
}).superRefine((q, ctx) => {
	const ids = q.options.map((o) => o.id);
	ids.forEach((oid, i) => {
		if (ids.indexOf(oid) !== i) ctx.addIssue({
			code: "custom",
			path: [
				"options",
				i,
				"id"
			],
			message: `option id "${oid}" is used twice`
		});
	});
	const correct = q.options.filter((o) => o.correct).length;
	if (correct === 0) ctx.addIssue({
		code: "custom",
		path: ["options"],
		message: "no option is marked correct"
	});
	if (q.type !== "multiple" && correct > 1) ctx.addIssue({
		code: "custom",
		path: ["options"],
		message: `a ${q.type} question must have exactly one correct option`
	});
	if (q.type === "truefalse" && (ids.length !== 2 || !ids.includes("true") || !ids.includes("false"))) ctx.addIssue({
		code: "custom",
		path: ["options"],
		message: "a truefalse question has exactly the options \"true\" and \"false\""
	});
});
var quizSchema = z.strictObject({ questions: z.array(questionSchema).min(1) }).superRefine((quiz, ctx) => {
	const ids = quiz.questions.map((q) => q.id);
	ids.forEach((qid, i) => {
		if (ids.indexOf(qid) !== i) ctx.addIssue({
			code: "custom",
			path: [
				"questions",
				i,
				"id"
			],
			message: `question id "${qid}" is used twice`
		});
	});
});
var lessonFrontMatterSchema = z.strictObject({ title: z.string().min(1) });
var checklistItemSchema = z.strictObject({
	id,
	text: z.string().min(1),
	guidance: z.string().min(1),
	severity: z.enum([
		"low",
		"medium",
		"high",
		"critical"
	]),
	evidence: z.enum([
		"required",
		"optional",
		"none"
	])
});
var checklistSchema = z.strictObject({
	title: z.string().min(1),
	version: z.number().int().positive(),
	sections: z.array(z.strictObject({
		id,
		title: z.string().min(1),
		items: z.array(checklistItemSchema).min(1)
	})).min(1)
}).superRefine((c, ctx) => {
	const seen = /* @__PURE__ */ new Set();
	c.sections.forEach((s, si) => s.items.forEach((item, ii) => {
		if (seen.has(item.id)) ctx.addIssue({
			code: "custom",
			path: [
				"sections",
				si,
				"items",
				ii,
				"id"
			],
			message: `item id "${item.id}" is used twice`
		});
		seen.add(item.id);
	}));
});
// src/lib/content/load-content.ts
var ContentError = class extends Error {
	file;
	field;
	constructor(file, field, detail) {
		super(`${file}: ${field ? `${field}: ` : ""}${detail}`);
		this.file = file;
		this.field = field;
	}
};
function readYaml(file, schema, root) {
	const rel = path.relative(root, file);
	if (!fs.existsSync(file)) throw new ContentError(rel, "", "file is missing");
	let data;
	try {
		data = parse(fs.readFileSync(file, "utf8"));
	} catch (err) {
		throw new ContentError(rel, "", `not valid YAML: ${err.message}`);
	}
	return validate(schema, data, rel);
}
function validate(schema, data, rel) {
	const parsed = schema.safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new ContentError(rel, issue.path.join(".") || "(root)", issue.message);
	}
	return parsed.data;
}
function readLesson(file, root) {
	const rel = path.relative(root, file);
	const match = /^(\d+)-([a-z0-9-]+)\.md$/.exec(path.basename(file));
	if (!match) throw new ContentError(rel, "file name", "lessons are named NN-<lesson-slug>.md");
	const text = fs.readFileSync(file, "utf8");
	const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
	if (!fm) throw new ContentError(rel, "front-matter", "the lesson must start with front-matter holding its title");
	const meta = validate(lessonFrontMatterSchema, parse(fm[1]), rel);
	if (!fm[2].trim()) throw new ContentError(rel, "body", "the lesson has no text");
	return {
		slug: match[2],
		order: Number(match[1]),
		title: meta.title,
		markdown: fm[2]
	};
}
function readCourse(dir, slug, locale, root) {
	const meta = readYaml(path.join(dir, "course.yaml"), courseMetaSchema, root);
	const quiz = readYaml(path.join(dir, "quiz.yaml"), quizSchema, root);
	const lessons = fs.readdirSync(dir).filter((f) => f.endsWith(".md")).sort().map((f) => readLesson(path.join(dir, f), root));
	if (lessons.length === 0) throw new ContentError(path.relative(root, dir), "lessons", "the course has no lessons");
	return {
		slug,
		locale,
		meta,
		lessons,
		quiz
	};
}
function sameIds(what, rel, a, b) {
	if (a.join("|") !== b.join("|")) throw new ContentError(rel, what, `ids differ between locales: [${a.join(", ")}] vs [${b.join(", ")}]`);
}
function checkCourseLocalesAgree(en, zh, rel) {
	if (en.meta.version !== zh.meta.version || en.meta.passMark !== zh.meta.passMark || en.meta.recertifyMonths !== zh.meta.recertifyMonths) throw new ContentError(`${rel}/course.yaml`, "version/passMark/recertifyMonths", "must be the same in every locale");
	sameIds("lessons", rel, en.lessons.map((l) => l.slug), zh.lessons.map((l) => l.slug));
	sameIds("questions", `${rel}/quiz.yaml`, en.quiz.questions.map((q) => q.id), zh.quiz.questions.map((q) => q.id));
	en.quiz.questions.forEach((q, i) => {
		const other = zh.quiz.questions[i];
		const key = (x) => `${x.type}:${x.options.map((o) => `${o.id}${o.correct ? "*" : ""}`).join(",")}`;
		if (key(q) !== key(other)) throw new ContentError(`${rel}/quiz.yaml`, `questions.${i} (${q.id})`, "type, option ids or correct options differ between locales");
	});
}
function checkChecklistLocalesAgree(en, zh, rel) {
	if (en.version !== zh.version) throw new ContentError(rel, "version", "must be the same in every locale");
	sameIds("sections", rel, en.sections.map((s) => s.id), zh.sections.map((s) => s.id));
	const items = (c) => c.sections.flatMap((s) => s.items.map((i) => `${i.id}:${i.severity}:${i.evidence}`));
	sameIds("items (id:severity:evidence)", rel, items(en), items(zh));
}
var dirsIn = (dir) => fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
/** Loads and validates all courses and checklists; throws a ContentError naming the file and field. */
function loadCatalog(root) {
	const courses = /* @__PURE__ */ new Map();
	const courseSlugs = new Set(locales.flatMap((l) => dirsIn(path.join(root, "courses", l))));
	for (const slug of courseSlugs) {
		const [en, zh] = locales.map((l) => readCourse(path.join(root, "courses", l, slug), slug, l, root));
		checkCourseLocalesAgree(en, zh, `courses/*/${slug}`);
		courses.set(slug, {
			en,
			"zh-cn": zh
		});
	}
	const checklists = /* @__PURE__ */ new Map();
	const checklistSlugs = new Set(locales.flatMap((l) => (fs.existsSync(path.join(root, "checklists", l)) ? fs.readdirSync(path.join(root, "checklists", l)) : []).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -5))));
	for (const slug of [...checklistSlugs].sort()) {
		const [en, zh] = locales.map((l) => ({
			...readYaml(path.join(root, "checklists", l, `${slug}.yaml`), checklistSchema, root),
			slug,
			locale: l
		}));
		checkChecklistLocalesAgree(en, zh, `checklists/*/${slug}.yaml`);
		checklists.set(slug, {
			en,
			"zh-cn": zh
		});
	}
	return {
		courses,
		checklists
	};
}
// src/lib/content/catalog.ts
var cached;
/** The validated content of this install, read once per process. */
function catalog() {
	cached ??= loadCatalog(config().contentDir);
	return cached;
}
/** One course in one locale, or undefined. */
function getCourse(slug, locale) {
	return catalog().courses.get(slug)?.[locale];
}
/** Every course in one locale, in a stable order. */
function listCourses(locale) {
	return [...catalog().courses.values()].map((c) => c[locale]);
}
/** One checklist in one locale, or undefined. */
function getChecklist(slug, locale) {
	return catalog().checklists.get(slug)?.[locale];
}
/** Every checklist in one locale. */
function listChecklists(locale) {
	return [...catalog().checklists.values()].map((c) => c[locale]);
}
export { listCourses as a, listChecklists as i, getChecklist as n, getCourse as r, catalog as t };
