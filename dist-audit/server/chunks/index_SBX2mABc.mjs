import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, N as addAttribute, T as Fragment, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
import { a as parseHrFilters, c as percent, i as hrFilterQuery, n as statusRowsSql, o as cellTone } from "./hr-status-sql_HbCxOFkx.mjs";
import { n as $$PeopleTable, r as $$FilterBar, t as listHrPeople } from "./hr-people_BsubQdor.mjs";
import { t as $$HrNav } from "./HrNav_BRlMaobm.mjs";
import { n as listDepartments } from "./departments_YiB6cmfZ.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { t as formatDay } from "./format-date_DESLAVtA.mjs";
import { a as listCourses } from "./catalog_BsbRxjFx.mjs";
import { sql } from "drizzle-orm";
// src/components/hr/MatrixCell.astro
createAstro("https://astro.build");
var $$MatrixCell = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$MatrixCell;
	const { counts, scope, label } = Astro.props;
	const { locale } = Astro.locals;
	const t = translator(locale);
	const c = counts ?? {
		total: 0,
		completed: 0,
		due: 0,
		overdue: 0
	};
	const tone = cellTone(c);
	const link = (status) => localePath(locale, "/hr/people") + hrFilterQuery({
		...scope,
		status
	});
	const done = percent(c.completed, c.total);
	return renderTemplate`${maybeRenderHead($$result)}<td${addAttribute(["hr-cell", `hr-tone-${tone}`], "class:list")} data-testid="matrix-cell"${addAttribute(tone, "data-tone")}${addAttribute(c.total, "data-total")}${addAttribute(c.completed, "data-completed")}${addAttribute(c.due, "data-due")}${addAttribute(c.overdue, "data-overdue")}>${c.total === 0 ? renderTemplate`<span class="muted">${t("common.none")}</span>` : renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<a class="hr-cell-main"${addAttribute(link(), "href")}${addAttribute(t("hr.cell.label", {
		label,
		done,
		total: c.total
	}), "aria-label")}><span class="hr-cell-pct">${done}%</span><span class="hr-cell-of">${t("hr.cell.ofPeople", {
		completed: c.completed,
		total: c.total
	})}</span></a><progress${addAttribute(c.completed, "value")}${addAttribute(c.total, "max")} aria-hidden="true"></progress><span class="hr-cell-counts"><a class="hr-count-done"${addAttribute(link("completed"), "href")}>${t("hr.cell.completed", { n: c.completed })}</a><a class="hr-count-due"${addAttribute(link("due"), "href")}>${t("hr.cell.due", {
		n: c.due,
		pct: percent(c.due, c.total)
	})}</a><a${addAttribute(["hr-count-late", { "hr-zero": c.overdue === 0 }], "class:list")}${addAttribute(link("overdue"), "href")}>${t("hr.cell.overdue", {
		n: c.overdue,
		pct: percent(c.overdue, c.total)
	})}</a></span>` })}`}</td>`;
}, "/work/main/src/components/hr/MatrixCell.astro", void 0);
// src/components/hr/CompletionMatrix.astro
createAstro("https://astro.build");
var $$CompletionMatrix = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$CompletionMatrix;
	const { board } = Astro.props;
	const t = translator(Astro.locals.locale);
	const deptName = (name) => name ?? t("common.noDepartment");
	return renderTemplate`${maybeRenderHead($$result)}<div class="table-scroll hr-matrix-scroll"><table class="hr-matrix" data-testid="hr-matrix"><caption class="sr-only">${t("hr.matrix.caption")}</caption><thead><tr><th scope="col">${t("common.department")}</th>${board.courses.map((c) => renderTemplate`<th scope="col"${addAttribute(c.slug, "data-course")}>${c.title}</th>`)}</tr></thead><tbody>${board.rows.map((row) => renderTemplate`<tr${addAttribute(row.departmentId, "data-department")}><th scope="row">${deptName(row.name)}<br><span class="muted small">${t("hr.matrix.assignments", { n: row.total.total })}</span></th>${board.courses.map((c) => renderTemplate`${renderComponent($$result, "MatrixCell", $$MatrixCell, {
		"counts": row.cells[c.slug],
		"scope": {
			departmentId: row.departmentId,
			course: c.slug
		},
		"label": `${deptName(row.name)} · ${c.title}`
	})}`)}</tr>`)}</tbody><tfoot><tr data-department="all"><th scope="row">${t("hr.matrix.total")}<br><span class="muted small">${t("hr.matrix.assignments", { n: board.totals.total.total })}</span></th>${board.courses.map((c) => renderTemplate`${renderComponent($$result, "MatrixCell", $$MatrixCell, {
		"counts": board.totals.cells[c.slug],
		"scope": { course: c.slug },
		"label": `${t("hr.matrix.total")} · ${c.title}`
	})}`)}</tr></tfoot></table></div>`;
}, "/work/main/src/components/hr/CompletionMatrix.astro", void 0);
// src/components/hr/SummaryCards.astro
createAstro("https://astro.build");
var $$SummaryCards = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$SummaryCards;
	const { total, scope } = Astro.props;
	const { locale } = Astro.locals;
	const t = translator(locale);
	const link = (status) => localePath(locale, "/hr/people") + hrFilterQuery({
		...scope,
		status
	});
	const cards = [
		{
			key: "assigned",
			n: total.total,
			sub: t("hr.kpi.people"),
			href: link(),
			tone: ""
		},
		{
			key: "completed",
			n: total.completed,
			sub: `${percent(total.completed, total.total)}%`,
			href: link("completed"),
			tone: "good"
		},
		{
			key: "due",
			n: total.due,
			sub: `${percent(total.due, total.total)}%`,
			href: link("due"),
			tone: "warn"
		},
		{
			key: "overdue",
			n: total.overdue,
			sub: `${percent(total.overdue, total.total)}%`,
			href: link("overdue"),
			tone: total.overdue > 0 ? "bad" : ""
		}
	];
	return renderTemplate`${maybeRenderHead($$result)}<ul class="hr-kpis" data-testid="hr-kpis">${cards.map((c) => renderTemplate`<li><a${addAttribute(["hr-kpi", c.tone && `hr-tone-${c.tone}`], "class:list")}${addAttribute(c.href, "href")}${addAttribute(c.key, "data-kpi")}><span class="hr-kpi-label">${t(`hr.kpi.${c.key}`)}</span><span class="hr-kpi-n">${c.n.toLocaleString(locale === "zh-cn" ? "zh-CN" : "en-GB")}</span><span class="hr-kpi-sub">${c.sub}</span></a></li>`)}</ul>`;
}, "/work/main/src/components/hr/SummaryCards.astro", void 0);
// src/lib/training/hr-dashboard.ts
var empty = () => ({
	total: 0,
	completed: 0,
	due: 0,
	overdue: 0
});
var add = (into, c) => {
	into.total += c.total;
	into.completed += c.completed;
	into.due += c.due;
	into.overdue += c.overdue;
};
/** The departments × courses matrix (one GROUP BY), the overdue list and the due-soon list. */
async function getHrDashboard(o) {
	const now = o.now ?? Date.now();
	const scope = {
		departmentId: o.filters.departmentId,
		course: o.filters.course
	};
	const limit = o.listLimit ?? 50;
	const [cells, departments, overdue, dueSoon, matching] = await Promise.all([
		o.db.all(sql`
      SELECT s."departmentId" AS "departmentId", s."course" AS "course", count(*) AS "total",
        sum(CASE WHEN s."status" = 'completed' THEN 1 ELSE 0 END) AS "completed",
        sum(CASE WHEN s."status" IN ('assigned', 'in_progress', 'expired') THEN 1 ELSE 0 END) AS "due",
        sum(CASE WHEN s."status" = 'overdue' THEN 1 ELSE 0 END) AS "overdue"
      FROM (${statusRowsSql({
			now,
			filters: scope
		})}) s
      GROUP BY s."departmentId", s."course"`),
		listDepartments(o.db),
		listHrPeople({
			db: o.db,
			now,
			filters: {
				...scope,
				status: "overdue"
			},
			limit
		}),
		listHrPeople({
			db: o.db,
			now,
			filters: {
				...scope,
				status: "due_soon"
			},
			limit
		}),
		o.filters.status ? listHrPeople({
			db: o.db,
			now,
			filters: o.filters,
			limit
		}) : null
	]);
	const courses = listCourses(o.locale).filter((c) => !o.filters.course || c.slug === o.filters.course).map((c) => ({
		slug: c.slug,
		title: c.meta.title
	}));
	const byId = /* @__PURE__ */ new Map();
	for (const d of departments) if (!scope.departmentId || scope.departmentId === d.id) byId.set(d.id, {
		departmentId: d.id,
		name: d.name,
		cells: {},
		total: empty()
	});
	const totals = {
		cells: {},
		total: empty()
	};
	for (const cell of cells) {
		const key = cell.departmentId ?? "none";
		const row = byId.get(key) ?? {
			departmentId: key,
			name: null,
			cells: {},
			total: empty()
		};
		byId.set(key, row);
		const counts = {
			total: cell.total,
			completed: cell.completed,
			due: cell.due,
			overdue: cell.overdue
		};
		row.cells[cell.course] = counts;
		add(row.total, counts);
		add(totals.cells[cell.course] ??= empty(), counts);
		add(totals.total, counts);
	}
	return {
		courses,
		rows: [...byId.values()].sort((a, b) => a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name)),
		totals,
		overdue,
		dueSoon,
		matching
	};
}
// src/pages/hr/index.astro
var hr_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => "/hr"
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
	const scope = {
		departmentId: filters.departmentId,
		course: filters.course
	};
	const [board, departments] = await Promise.all([getHrDashboard({
		db,
		locale,
		filters,
		now
	}), listDepartments(db)]);
	const courses = listCourses(locale).map((c) => ({
		slug: c.slug,
		title: c.meta.title
	}));
	const titles = new Map(courses.map((c) => [c.slug, c.title]));
	const people = (status) => localePath(locale, "/hr/people") + hrFilterQuery({
		...scope,
		status
	});
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, {
		"title": t("hr.title"),
		"wide": true
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<div class="hr-head"><h1>${t("hr.title")}</h1><p class="muted small">${t("hr.asOf", { date: formatDay(locale, now) })}</p></div>${renderComponent($$result, "HrNav", $$HrNav, {})}${renderComponent($$result, "FilterBar", $$FilterBar, {
		"action": localePath(locale, "/hr"),
		"filters": filters,
		"departments": departments,
		"courses": courses
	})}${renderComponent($$result, "SummaryCards", $$SummaryCards, {
		"total": board.totals.total,
		"scope": scope
	})}<section aria-labelledby="matrix-h"><div class="hr-section-head"><h2 id="matrix-h">${t("hr.matrix.title")}</h2><a class="button secondary"${addAttribute(`/api/hr/completions.csv${hrFilterQuery(filters)}`, "href")} download data-testid="export-csv">${t("hr.export.csv")}</a></div><p class="muted small hr-legend"><span class="hr-legend-item"><span class="hr-swatch hr-tone-good"></span> ${t("hr.legend.good")}</span><span class="hr-legend-item"><span class="hr-swatch hr-tone-warn"></span> ${t("hr.legend.warn")}</span><span class="hr-legend-item"><span class="hr-swatch hr-tone-bad"></span> ${t("hr.legend.bad")}</span></p>${renderComponent($$result, "CompletionMatrix", $$CompletionMatrix, { "board": board })}</section>${board.matching && renderTemplate`<section aria-labelledby="matching-h"><div class="hr-section-head"><h2 id="matching-h">${t(`hr.filter.status.${filters.status}`)} <span class="hr-count">${board.matching.total}</span></h2>${board.matching.total > board.matching.rows.length && renderTemplate`<a${addAttribute(people(filters.status), "href")}>${t("hr.showAll", { n: board.matching.total })}</a>`}</div>${renderComponent($$result, "PeopleTable", $$PeopleTable, {
		"rows": board.matching.rows,
		"courseTitles": titles,
		"testId": "matching-list",
		"now": now
	})}</section>`}<div class="hr-two-col"><section aria-labelledby="overdue-h"><div class="hr-section-head"><h2 id="overdue-h">${t("hr.overdue.title")} <span class="hr-count bad">${board.overdue.total}</span></h2>${board.overdue.total > board.overdue.rows.length && renderTemplate`<a${addAttribute(people("overdue"), "href")}>${t("hr.showAll", { n: board.overdue.total })}</a>`}</div><p class="muted small">${t("hr.overdue.hint")}</p>${renderComponent($$result, "PeopleTable", $$PeopleTable, {
		"rows": board.overdue.rows,
		"courseTitles": titles,
		"testId": "overdue-list",
		"now": now
	})}</section><section aria-labelledby="soon-h"><div class="hr-section-head"><h2 id="soon-h">${t("hr.dueSoon.title")} <span class="hr-count warn">${board.dueSoon.total}</span></h2>${board.dueSoon.total > board.dueSoon.rows.length && renderTemplate`<a${addAttribute(people("due_soon"), "href")}>${t("hr.showAll", { n: board.dueSoon.total })}</a>`}</div><p class="muted small">${t("hr.dueSoon.hint")}</p>${renderComponent($$result, "PeopleTable", $$PeopleTable, {
		"rows": board.dueSoon.rows,
		"courseTitles": titles,
		"testId": "due-soon-list",
		"now": now
	})}</section></div>` })}`;
}, "/work/main/src/pages/hr/index.astro", void 0);
var $$file = "/work/main/src/pages/hr/index.astro";
// \0virtual:astro:page:src/pages/hr/index@_@astro
var page = () => hr_exports;
export { page };
