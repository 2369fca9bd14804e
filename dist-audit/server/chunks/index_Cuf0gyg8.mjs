import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, N as addAttribute, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { t as $$DueLine } from "./DueLine_eS240ftV.mjs";
import { t as $$StatusBadge } from "./StatusBadge_D-izd903.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { t as listMyCourses } from "./list-my-courses_Dw94oBQ3.mjs";
// src/pages/training/index.astro
var training_exports = /* @__PURE__ */ __exportAll({
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
	const { db } = await runtime();
	const courses = await listMyCourses({
		db,
		user,
		locale
	});
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, { "title": t("training.title") }, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t("training.title")}</h1><p class="muted">${t("training.intro")}</p>${courses.length === 0 && renderTemplate`<p class="alert info">${t("training.none")}</p>`}<ul class="course-list" data-testid="course-list">${courses.map((c) => renderTemplate`<li class="card course-card"${addAttribute(c.slug, "data-course")}><div class="course-card-head"><h2><a${addAttribute(localePath(locale, `/training/${c.slug}`), "href")}>${c.title}</a></h2>${renderComponent($$result, "StatusBadge", $$StatusBadge, { "status": c.status })}</div><p class="muted small">${c.summary}</p><p class="small">${renderComponent($$result, "DueLine", $$DueLine, { "course": c })}</p><div class="progress-row small"><progress${addAttribute(c.lessonsRead, "value")}${addAttribute(c.lessonsTotal, "max")}${addAttribute(t("training.progress", {
		read: c.lessonsRead,
		total: c.lessonsTotal
	}), "aria-label")}></progress><span>${t("training.progress", {
		read: c.lessonsRead,
		total: c.lessonsTotal
	})}</span></div><p class="row"><a class="button"${addAttribute(localePath(locale, `/training/${c.slug}`), "href")}>${t("training.open")}</a>${c.completionId && renderTemplate`<a class="button secondary"${addAttribute(`/api/certificates/${c.completionId}.pdf`, "href")} download data-testid="certificate-link">${t("training.certificate")}</a>`}<span class="muted small">${t("training.minutes", { minutes: c.estimatedMinutes })}</span></p></li>`)}</ul>` })}`;
}, "/work/main/src/pages/training/index.astro", void 0);
var $$file = "/work/main/src/pages/training/index.astro";
var $$url = "/training";
// \0virtual:astro:page:src/pages/training/index@_@astro
var page = () => training_exports;
export { page };
