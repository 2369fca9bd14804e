import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, N as addAttribute, T as Fragment, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { t as $$DueLine } from "./DueLine_eS240ftV.mjs";
import { t as $$StatusBadge } from "./StatusBadge_D-izd903.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { r as getCourse } from "./catalog_BsbRxjFx.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
import { a as attempts, l as completions, t as runtime } from "./runtime_CZkbGW4P.mjs";
import { t as formatDay } from "./format-date_DESLAVtA.mjs";
import { t as listMyCourses } from "./list-my-courses_Dw94oBQ3.mjs";
import { and, desc, eq } from "drizzle-orm";
// src/lib/training/list-attempts.ts
/** A person's attempts at one course, newest first, with the completion a pass earned. */
function listAttempts(o) {
	return o.db.select({
		id: attempts.id,
		attemptNumber: attempts.attemptNumber,
		courseVersion: attempts.courseVersion,
		score: attempts.score,
		passed: attempts.passed,
		createdAt: attempts.createdAt,
		completionId: completions.id
	}).from(attempts).leftJoin(completions, eq(completions.attemptId, attempts.id)).where(and(eq(attempts.userId, o.userId), eq(attempts.courseSlug, o.courseSlug))).orderBy(desc(attempts.attemptNumber)).limit(o.limit ?? 100);
}
// src/pages/training/[course]/index.astro
var _course__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
createAstro("https://astro.build");
var $$Index = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Index;
	const { locale, user } = Astro.locals;
	const t = translator(locale);
	const slug = Astro.params.course ?? "";
	const course = getCourse(slug, locale);
	if (!course) return new Response(null, { status: 404 });
	const { db } = await runtime();
	const [[mine], attempts] = await Promise.all([listMyCourses({
		db,
		user,
		locale,
		slug
	}), listAttempts({
		db,
		userId: user.id,
		courseSlug: slug
	})]);
	const read = new Set(mine?.readLessons ?? []);
	const firstUnread = course.lessons.find((l) => !read.has(l.slug)) ?? course.lessons[0];
	const base = `/training/${slug}`;
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, { "title": course.meta.title }, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<p class="small"><a${addAttribute(localePath(locale, "/training"), "href")}>← ${t("training.backToCourses")}</a></p><div class="course-card-head"><h1>${course.meta.title}</h1>${mine && renderTemplate`${renderComponent($$result, "StatusBadge", $$StatusBadge, { "status": mine.status })}`}</div><p>${course.meta.summary}</p><p class="muted small">${t("training.version", { version: course.meta.version })} · ${t("training.minutes", { minutes: course.meta.estimatedMinutes })}${mine && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` · ${renderComponent($$result, "DueLine", $$DueLine, { "course": mine })}` })}`}</p>${mine?.completionId && renderTemplate`<p><a class="button secondary"${addAttribute(`/api/certificates/${mine.completionId}.pdf`, "href")} download data-testid="certificate-link">${t("training.certificate")}</a></p>`}<h2>${t("training.course.lessons")}</h2><ol class="lesson-list card" data-testid="lesson-list">${course.lessons.map((l, i) => renderTemplate`<li${addAttribute(l.slug, "data-lesson")}${addAttribute(read.has(l.slug) ? "yes" : "no", "data-read")}>${read.has(l.slug) ? renderTemplate`<span class="lesson-num read" aria-hidden="true">✓</span>` : renderTemplate`<span class="lesson-num" aria-hidden="true">${i + 1}</span>`}<a${addAttribute(localePath(locale, `${base}/${l.slug}`), "href")}>${l.title}</a><span${addAttribute(["lesson-state", { read: read.has(l.slug) }], "class:list")}>${read.has(l.slug) ? t("training.course.read") : renderTemplate`<span class="sr-only">${t("training.course.unread")}</span>`}</span></li>`)}</ol>${read.size < course.lessons.length && renderTemplate`<p><a class="button secondary"${addAttribute(localePath(locale, `${base}/${firstUnread.slug}`), "href")}>${read.size ? t("training.course.continueReading") : t("training.course.startReading")}</a></p>`}<h2>${t("training.course.quiz")}</h2><p>${t("training.course.quizIntro", {
		count: course.quiz.questions.length,
		passMark: course.meta.passMark
	})}</p><p><a class="button"${addAttribute(localePath(locale, `${base}/quiz`), "href")} data-testid="quiz-link">${attempts.length ? t("training.course.retakeQuiz") : t("training.course.takeQuiz")}</a></p><h2>${t("training.course.attempts")}</h2>${attempts.length === 0 ? renderTemplate`<p class="muted">${t("training.course.noAttempts")}</p>` : renderTemplate`<div class="table-scroll"><table data-testid="attempts-table"><thead><tr><th>${t("training.attempt.number")}</th><th>${t("training.attempt.date")}</th><th>${t("training.attempt.score")}</th><th>${t("training.attempt.result")}</th></tr></thead><tbody>${attempts.map((a) => renderTemplate`<tr><td>${a.attemptNumber}</td><td>${formatDay(locale, a.createdAt)}</td><td>${a.score}%</td><td><span${addAttribute(["badge", a.passed ? "pass" : "fail"], "class:list")}>${a.passed ? t("training.attempt.passed") : t("training.attempt.failed")}</span>${a.completionId && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` <a class="small"${addAttribute(`/api/certificates/${a.completionId}.pdf`, "href")} download>${t("training.certificate")}</a>` })}`}</td></tr>`)}</tbody></table></div>`}` })}`;
}, "/work/main/src/pages/training/[course]/index.astro", void 0);
var $$file = "/work/main/src/pages/training/[course]/index.astro";
var $$url = "/training/[course]";
// \0virtual:astro:page:src/pages/training/[course]/index@_@astro
var page = () => _course__exports;
export { page };
