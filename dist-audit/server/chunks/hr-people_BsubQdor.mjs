import { A as renderTemplate, N as addAttribute, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { n as statusRowsSql, r as NO_DEPARTMENT, s as hrStatusFilters, t as statusCondition } from "./hr-status-sql_HbCxOFkx.mjs";
import { t as formatDay } from "./format-date_DESLAVtA.mjs";
import { t as $$StatusBadge } from "./StatusBadge_D-izd903.mjs";
import { sql } from "drizzle-orm";
// src/components/hr/FilterBar.astro
createAstro("https://astro.build");
var $$FilterBar = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$FilterBar;
	const { action, filters, departments, courses } = Astro.props;
	const t = translator(Astro.locals.locale);
	return renderTemplate`${maybeRenderHead($$result)}<form method="get"${addAttribute(action, "action")} class="hr-filters card" data-testid="hr-filters"><div><label for="f-department">${t("common.department")}</label><select id="f-department" name="department"><option value="">${t("hr.filter.allDepartments")}</option>${departments.map((d) => renderTemplate`<option${addAttribute(d.id, "value")}${addAttribute(filters.departmentId === d.id, "selected")}>${d.name}</option>`)}<option${addAttribute(NO_DEPARTMENT, "value")}${addAttribute(filters.departmentId === NO_DEPARTMENT, "selected")}>${t("common.noDepartment")}</option></select></div><div><label for="f-course">${t("hr.course")}</label><select id="f-course" name="course"><option value="">${t("hr.filter.allCourses")}</option>${courses.map((c) => renderTemplate`<option${addAttribute(c.slug, "value")}${addAttribute(filters.course === c.slug, "selected")}>${c.title}</option>`)}</select></div><div><label for="f-status">${t("common.status")}</label><select id="f-status" name="status"><option value="">${t("hr.filter.anyStatus")}</option>${hrStatusFilters.map((s) => renderTemplate`<option${addAttribute(s, "value")}${addAttribute(filters.status === s, "selected")}>${t(`hr.filter.status.${s}`)}</option>`)}</select></div><div class="hr-filters-go"><button type="submit">${t("common.filter")}</button><a class="button secondary"${addAttribute(action, "href")}>${t("hr.filter.reset")}</a></div></form>`;
}, "/work/main/src/components/hr/FilterBar.astro", void 0);
// src/components/hr/PeopleTable.astro
createAstro("https://astro.build");
var $$PeopleTable = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$PeopleTable;
	const { rows, courseTitles, testId, now } = Astro.props;
	const { locale } = Astro.locals;
	const t = translator(locale);
	const DAY = 864e5;
	const daysLate = (r) => Math.floor((now - r.dueAt) / DAY);
	return renderTemplate`${rows.length === 0 ? renderTemplate`${maybeRenderHead($$result)}<p class="muted"${addAttribute(testId, "data-testid")}>${t("hr.people.none")}</p>` : renderTemplate`<div class="table-scroll"><table class="hr-people"${addAttribute(testId, "data-testid")}><thead><tr><th>${t("common.name")}</th><th>${t("hr.course")}</th><th>${t("common.status")}</th><th>${t("hr.dueAt")}</th></tr></thead><tbody>${rows.map((r) => renderTemplate`<tr${addAttribute(r.email, "data-email")}${addAttribute(r.course, "data-course")}><td><a${addAttribute(localePath(locale, `/hr/people/${r.userId}`), "href")}><strong>${r.name}</strong></a><br><span class="muted small">${r.department ?? t("common.noDepartment")}</span></td><td>${courseTitles.get(r.course) ?? r.course}</td><td>${renderComponent($$result, "StatusBadge", $$StatusBadge, { "status": r.status })}</td><td class="hr-nowrap">${formatDay(locale, r.dueAt)}${r.status === "overdue" && renderTemplate`<br>`}${r.status === "overdue" && renderTemplate`<span class="hr-late small">${t("hr.daysLate", { days: daysLate(r) })}</span>`}${r.status === "completed" && r.completedAt !== null && renderTemplate`<br>`}${r.status === "completed" && r.completedAt !== null && renderTemplate`<span class="muted small">${t("hr.completedOn", { date: formatDay(locale, r.completedAt) })}</span>`}</td></tr>`)}</tbody></table></div>`}`;
}, "/work/main/src/components/hr/PeopleTable.astro", void 0);
/** People and courses matching the filters, the longest-due first (overdue: oldest first), with the total count. */
async function listHrPeople(o) {
	const now = o.now ?? Date.now();
	const limit = Math.min(Math.max(o.limit ?? 100, 1), 1e3);
	const offset = Math.max(o.offset ?? 0, 0);
	const rows = await o.db.all(sql`
    SELECT s.*, count(*) OVER () AS "total"
    FROM (${statusRowsSql({
		now,
		filters: o.filters
	})}) s
    WHERE ${statusCondition(o.filters.status, now)}
    ORDER BY s."dueAt" ASC, s."name" ASC, s."userId" ASC, s."course" ASC
    LIMIT ${limit} OFFSET ${offset}`);
	const total = rows[0]?.total ?? (offset > 0 ? await countHrPeople(o.db, o.filters, now) : 0);
	return {
		rows: rows.map(({ total: _, ...r }) => r),
		total
	};
}
/** How many people and courses match the filters (for a page past the end). */
async function countHrPeople(db, filters, now) {
	const [row] = await db.all(sql`SELECT count(*) AS "n" FROM (${statusRowsSql({
		now,
		filters
	})}) s WHERE ${statusCondition(filters.status, now)}`);
	return row?.n ?? 0;
}
export { $$PeopleTable as n, $$FilterBar as r, listHrPeople as t };
