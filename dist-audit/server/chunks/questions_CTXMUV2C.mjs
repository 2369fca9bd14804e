import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, N as addAttribute, T as Fragment, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { t as $$HrNav } from "./HrNav_BRlMaobm.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { a as listCourses, r as getCourse } from "./catalog_BsbRxjFx.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { a as notFound } from "./errors_BHtcPHCU.mjs";
import { sql } from "drizzle-orm";
// src/lib/training/question-stats.ts
/**
* Per question of the current quiz: how many first attempts (attemptNumber 1, on any version) got it
* right, and the wrong option chosen most often. Counting happens in SQL with json_each over the stored
* answers and results; only the handful of grouped rows reach JavaScript, to be matched to the content.
*/
async function questionStats(o) {
	const course = getCourse(o.courseSlug, o.locale);
	if (!course) throw notFound("No such course");
	const [[total], rights, chosen] = await Promise.all([
		o.db.all(sql`SELECT count(*) AS "n" FROM attempts WHERE course_slug = ${course.slug} AND attempt_number = 1`),
		o.db.all(sql`
      SELECT r.key AS "questionId", count(*) AS "answered", sum(CASE WHEN r.value THEN 1 ELSE 0 END) AS "right"
      FROM attempts a, json_each(a.results) r
      WHERE a.course_slug = ${course.slug} AND a.attempt_number = 1
      GROUP BY r.key`),
		o.db.all(sql`
      SELECT q.key AS "questionId", o.value AS "optionId", count(*) AS "n"
      FROM attempts a, json_each(a.answers) q, json_each(q.value) o
      WHERE a.course_slug = ${course.slug} AND a.attempt_number = 1
      GROUP BY q.key, o.value`)
	]);
	const rightBy = new Map(rights.map((r) => [r.questionId, r]));
	const chosenBy = /* @__PURE__ */ new Map();
	for (const c of chosen) {
		const m = chosenBy.get(c.questionId) ?? /* @__PURE__ */ new Map();
		m.set(c.optionId, c.n);
		chosenBy.set(c.questionId, m);
	}
	const questions = course.quiz.questions.map((q) => {
		const r = rightBy.get(q.id);
		const counts = chosenBy.get(q.id);
		let wrong = null;
		for (const opt of q.options) {
			const n = counts?.get(opt.id) ?? 0;
			if (!opt.correct && n > 0 && (!wrong || n > wrong.count)) wrong = {
				optionId: opt.id,
				text: opt.text,
				count: n
			};
		}
		const firstAttempts = r?.answered ?? 0;
		const right = r?.right ?? 0;
		return {
			id: q.id,
			type: q.type,
			prompt: q.prompt,
			firstAttempts,
			right,
			rightPercent: firstAttempts ? Math.round(right * 100 / firstAttempts) : null,
			mostChosenWrong: wrong
		};
	});
	return {
		course: {
			slug: course.slug,
			title: course.meta.title,
			version: course.meta.version
		},
		firstAttempts: total?.n ?? 0,
		questions
	};
}
// src/pages/hr/questions.astro
var questions_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Questions,
	file: () => $$file,
	url: () => $$url
});
createAstro("https://astro.build");
var $$Questions = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Questions;
	const { locale } = Astro.locals;
	const t = translator(locale);
	const { db } = await runtime();
	const courses = listCourses(locale).map((c) => ({
		slug: c.slug,
		title: c.meta.title
	}));
	const asked = Astro.url.searchParams.get("course");
	const slug = courses.find((c) => c.slug === asked)?.slug ?? courses[0]?.slug;
	const stats = slug ? await questionStats({
		db,
		courseSlug: slug,
		locale
	}) : null;
	const WEAK = 60;
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, {
		"title": t("hr.questions.title"),
		"wide": true
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t("hr.questions.title")}</h1>${renderComponent($$result, "HrNav", $$HrNav, {})}<form method="get"${addAttribute(localePath(locale, "/hr/questions"), "action")} class="hr-filters card"><div><label for="q-course">${t("hr.course")}</label><select id="q-course" name="course">${courses.map((c) => renderTemplate`<option${addAttribute(c.slug, "value")}${addAttribute(c.slug === slug, "selected")}>${c.title}</option>`)}</select></div><div class="hr-filters-go"><button type="submit">${t("hr.questions.show")}</button></div></form>${stats && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<p class="muted" data-testid="question-attempts">${t("hr.questions.intro", {
		n: stats.firstAttempts,
		version: stats.course.version
	})}</p><div class="table-scroll"><table class="hr-questions" data-testid="question-stats"><thead><tr><th>#</th><th>${t("hr.questions.question")}</th><th>${t("hr.questions.right")}</th><th>${t("hr.questions.wrong")}</th></tr></thead><tbody>${stats.questions.map((q, i) => renderTemplate`<tr${addAttribute(q.id, "data-question")}${addAttribute({ "hr-weak": q.rightPercent !== null && q.rightPercent < WEAK }, "class:list")}><td>${i + 1}</td><td>${q.prompt}<br><span class="muted small">${t(`hr.questions.type.${q.type}`)}</span></td><td class="hr-nowrap">${q.rightPercent === null ? t("common.none") : renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<strong data-testid="right-percent">${q.rightPercent}%</strong> <span class="muted small">(${q.right}/${q.firstAttempts})</span><br><progress${addAttribute(q.right, "value")}${addAttribute(q.firstAttempts, "max")} aria-hidden="true"></progress>` })}`}</td><td>${q.mostChosenWrong ? renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${q.mostChosenWrong.text} <span class="muted small" data-testid="wrong-count">${t("hr.questions.times", { n: q.mostChosenWrong.count })}</span>` })}` : renderTemplate`<span class="muted">${t("common.none")}</span>`}</td></tr>`)}</tbody></table></div><p class="muted small">${t("hr.questions.weakHint", { pct: WEAK })}</p>` })}`}` })}`;
}, "/work/main/src/pages/hr/questions.astro", void 0);
var $$file = "/work/main/src/pages/hr/questions.astro";
var $$url = "/hr/questions";
// \0virtual:astro:page:src/pages/hr/questions@_@astro
var page = () => questions_exports;
export { page };
