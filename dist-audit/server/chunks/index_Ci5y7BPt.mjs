import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, N as addAttribute, T as Fragment, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { n as $$PeopleTable, r as $$FilterBar, t as listHrPeople } from "./hr-people_BsubQdor.mjs";
import { t as $$HrNav } from "./HrNav_BRlMaobm.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { n as listDepartments } from "./departments_YiB6cmfZ.mjs";
import { a as listCourses } from "./catalog_BsbRxjFx.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { a as parseHrFilters, i as hrFilterQuery } from "./hr-status-sql_HbCxOFkx.mjs";
// src/pages/hr/people/index.astro
var people_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
createAstro("https://astro.build");
var $$Index = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Index;
	const { locale } = Astro.locals;
	const t = translator(locale);
	const { db } = await runtime();
	const now = Date.now();
	const filters = parseHrFilters(Astro.url.searchParams);
	const pageNo = Math.max(1, Math.min(1e4, Number.parseInt(Astro.url.searchParams.get("page") ?? "1", 10) || 1));
	const [page, departments] = await Promise.all([listHrPeople({
		db,
		filters,
		now,
		offset: (pageNo - 1) * 100
	}), listDepartments(db)]);
	const courses = listCourses(locale).map((c) => ({
		slug: c.slug,
		title: c.meta.title
	}));
	const titles = new Map(courses.map((c) => [c.slug, c.title]));
	const pages = Math.max(1, Math.ceil(page.total / 100));
	const self = localePath(locale, "/hr/people");
	const dept = departments.find((d) => d.id === filters.departmentId)?.name;
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, {
		"title": t("hr.people.title"),
		"wide": true
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t("hr.people.title")}</h1>${renderComponent($$result, "HrNav", $$HrNav, {})}${renderComponent($$result, "FilterBar", $$FilterBar, {
		"action": self,
		"filters": filters,
		"departments": departments,
		"courses": courses
	})}<div class="hr-section-head"><p class="muted" data-testid="people-count">${t("hr.people.count", { n: page.total })}${dept && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` · ${dept}` })}`}${filters.course && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` · ${titles.get(filters.course) ?? filters.course}` })}`}${filters.status && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` · ${t(`hr.filter.status.${filters.status}`)}` })}`}</p><a class="button secondary"${addAttribute(`/api/hr/completions.csv${hrFilterQuery(filters)}`, "href")} download>${t("hr.export.csv")}</a></div>${renderComponent($$result, "PeopleTable", $$PeopleTable, {
		"rows": page.rows,
		"courseTitles": titles,
		"testId": "people-list",
		"now": now
	})}${pages > 1 && renderTemplate`<nav class="pager"${addAttribute(t("hr.pager.label"), "aria-label")}>${pageNo > 1 ? renderTemplate`<a${addAttribute(self + hrFilterQuery(filters, { page: pageNo - 1 }), "href")}>← ${t("hr.pager.previous")}</a>` : renderTemplate`<span></span>`}<span class="muted small">${t("hr.pager.position", {
		page: pageNo,
		pages
	})}</span>${pageNo < pages ? renderTemplate`<a${addAttribute(self + hrFilterQuery(filters, { page: pageNo + 1 }), "href")}>${t("hr.pager.next")} →</a>` : renderTemplate`<span></span>`}</nav>`}` })}`;
}, "/work/main/src/pages/hr/people/index.astro", void 0);
var $$file = "/work/main/src/pages/hr/people/index.astro";
var $$url = "/hr/people";
// \0virtual:astro:page:src/pages/hr/people/index@_@astro
var page = () => people_exports;
export { page };
