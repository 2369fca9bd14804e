import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, L as unescapeHTML, N as addAttribute, T as Fragment, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { r as getCourse } from "./catalog_BsbRxjFx.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { t as listMyCourses } from "./list-my-courses_Dw94oBQ3.mjs";
import { t as markLessonRead } from "./mark-lesson-read_Dqkfj_d2.mjs";
import { Marked } from "marked";
// src/lib/content/render-markdown.ts
var escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({
	"&": "&amp;",
	"<": "&lt;",
	">": "&gt;",
	"\"": "&quot;",
	"'": "&#39;"
})[c]);
var marked = new Marked({
	gfm: true,
	async: false
});
marked.use({ renderer: { html: ({ text }) => escapeHtml(text) } });
var cache = /* @__PURE__ */ new Map();
/** Markdown to HTML with raw HTML escaped; memoised since lesson text does not change while running. */
function renderMarkdown(markdown) {
	let html = cache.get(markdown);
	if (html === void 0) {
		html = marked.parse(markdown);
		cache.set(markdown, html);
	}
	return html;
}
// src/pages/training/[course]/[lesson].astro
var _lesson__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Lesson,
	file: () => $$file,
	url: () => $$url
});
createAstro("https://astro.build");
var $$Lesson = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Lesson;
	const { locale, user } = Astro.locals;
	const t = translator(locale);
	const course = getCourse(Astro.params.course ?? "", locale);
	const index = course?.lessons.findIndex((l) => l.slug === Astro.params.lesson) ?? -1;
	if (!course || index < 0) return new Response(null, { status: 404 });
	const lesson = course.lessons[index];
	const base = `/training/${course.slug}`;
	const self = localePath(locale, `${base}/${lesson.slug}`);
	const { db } = await runtime();
	if (Astro.request.method === "POST") {
		await markLessonRead({
			db,
			userId: user.id,
			courseSlug: course.slug,
			lessonSlug: lesson.slug
		});
		return Astro.redirect(`${self}#done`, 303);
	}
	const [mine] = await listMyCourses({
		db,
		user,
		locale,
		slug: course.slug
	});
	const isRead = mine?.readLessons.includes(lesson.slug) ?? false;
	const previous = course.lessons[index - 1];
	const next = course.lessons[index + 1];
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, { "title": `${lesson.title} · ${course.meta.title}` }, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<p class="small crumbs"><a${addAttribute(localePath(locale, base), "href")}>← ${course.meta.title}</a></p><p class="muted small">${t("training.lesson.position", {
		n: index + 1,
		total: course.lessons.length
	})}</p><article class="prose lesson" data-testid="lesson"><h1>${lesson.title}</h1>${renderComponent($$result, "Fragment", Fragment, {}, { "default": async ($$result) => renderTemplate`${unescapeHTML(renderMarkdown(lesson.markdown))}` })}</article><div class="lesson-done" id="done">${isRead ? renderTemplate`<p class="alert ok" role="status" data-testid="lesson-read">✓ ${t("training.lesson.isRead")}</p>` : renderTemplate`<form method="post" data-testid="mark-read-form"><button type="submit" data-testid="mark-read">${t("training.lesson.markRead")}</button></form>`}</div><nav class="pager"${addAttribute(t("training.lesson.pagination"), "aria-label")}>${previous ? renderTemplate`<a class="pager-link" rel="prev"${addAttribute(localePath(locale, `${base}/${previous.slug}`), "href")}><span class="small muted">← ${t("training.lesson.previous")}</span><span>${previous.title}</span></a>` : renderTemplate`<a class="pager-link"${addAttribute(localePath(locale, base), "href")}><span class="small muted">← ${t("training.lesson.backToCourse")}</span><span>${course.meta.title}</span></a>`}${next ? renderTemplate`<a class="pager-link next" rel="next"${addAttribute(localePath(locale, `${base}/${next.slug}`), "href")} data-testid="next-lesson"><span class="small muted">${t("training.lesson.next")} →</span><span>${next.title}</span></a>` : renderTemplate`<a class="pager-link next"${addAttribute(localePath(locale, `${base}/quiz`), "href")} data-testid="to-quiz"><span class="small muted">${t("training.lesson.toQuiz")} →</span><span>${t("training.course.quiz")}</span></a>`}</nav>` })}`;
}, "/work/main/src/pages/training/[course]/[lesson].astro", void 0);
var $$file = "/work/main/src/pages/training/[course]/[lesson].astro";
var $$url = "/training/[course]/[lesson]";
// \0virtual:astro:page:src/pages/training/[course]/[lesson]@_@astro
var page = () => _lesson__exports;
export { page };
