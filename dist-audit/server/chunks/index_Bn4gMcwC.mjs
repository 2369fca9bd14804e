import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, N as addAttribute, T as Fragment, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { t as $$StatusBadge } from "./StatusBadge_D-izd903.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { n as prefersChinese, t as localePath } from "./locale-path_D_etMj1E.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { a as needsAttention } from "./course-status_CkZCnL3T.mjs";
import { t as formatDay } from "./format-date_DESLAVtA.mjs";
import { t as listMyCourses } from "./list-my-courses_Dw94oBQ3.mjs";
// src/components/home/DueTraining.astro
createAstro("https://astro.build");
var $$DueTraining = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$DueTraining;
	const { locale, user } = Astro.locals;
	const t = translator(locale);
	const now = Date.now();
	const { db } = await runtime();
	const due = (user ? await listMyCourses({
		db,
		user,
		locale,
		now
	}) : []).filter((c) => needsAttention(c, now));
	const late = due.filter((c) => c.dueAt !== null && c.dueAt < now);
	const soon = due.filter((c) => !late.includes(c));
	return renderTemplate`${maybeRenderHead($$result)}<section class="card due-training" data-testid="due-training"><h2>${t("training.home.title")}</h2>${late.length === 0 && soon.length === 0 && renderTemplate`<p class="muted">${t("home.nothingDue")}</p>`}${late.length > 0 && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h3>${t("home.overdue")}</h3><ul class="due-list" data-testid="due-overdue">${late.map((c) => renderTemplate`<li><a${addAttribute(localePath(locale, `/training/${c.slug}`), "href")}>${c.title}</a> ${renderComponent($$result, "StatusBadge", $$StatusBadge, { "status": c.status })} <span class="muted small">${t("training.home.overdueSince", { date: formatDay(locale, c.dueAt) })}</span></li>`)}</ul>` })}`}${soon.length > 0 && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<h3>${t("home.dueSoon")}</h3><ul class="due-list" data-testid="due-soon">${soon.map((c) => renderTemplate`<li><a${addAttribute(localePath(locale, `/training/${c.slug}`), "href")}>${c.title}</a> ${renderComponent($$result, "StatusBadge", $$StatusBadge, { "status": c.status })} ${c.dueAt !== null && renderTemplate`<span class="muted small">${t("training.home.dueOn", { date: formatDay(locale, c.dueAt) })}</span>`}</li>`)}</ul>` })}`}</section>`;
}, "/work/main/src/components/home/DueTraining.astro", void 0);
// src/pages/index.astro
var pages_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => ""
});
createAstro("https://astro.build");
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Index;
	const { locale, user } = Astro.locals;
	if (locale === "en" && !Astro.cookies.has("lms_locale") && prefersChinese(Astro.request.headers.get("accept-language"))) return Astro.redirect("/zh-cn/", 302);
	if (!user) return Astro.redirect(localePath(locale, "/login"), 303);
	const t = translator(locale);
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, { "title": t("nav.home") }, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t("home.title", { name: user.name })}</h1>${renderComponent($$result, "DueTraining", $$DueTraining, {})}<p><a class="button"${addAttribute(localePath(locale, "/training"), "href")}>${t("home.openTraining")}</a></p>` })}`;
}, "/work/main/src/pages/index.astro", void 0);
var $$file = "/work/main/src/pages/index.astro";
// \0virtual:astro:page:src/pages/index@_@astro
var page = () => pages_exports;
export { page };
