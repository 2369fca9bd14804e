import { t as RECERTIFICATION_GRACE_MS } from "./course-status_CkZCnL3T.mjs";
import { n as badRequest } from "./errors_BHtcPHCU.mjs";
import { z } from "zod";
import { sql } from "drizzle-orm";
// src/lib/training/hr-status-groups.ts
/** Statuses that still need doing but are not late: newly assigned, started, or expired within the grace period. */
var dueStatuses = [
	"assigned",
	"in_progress",
	"expired"
];
/** What a people list can be filtered by: a group, "due soon", or one precise status. */
var hrStatusFilters = [
	"completed",
	"due",
	"due_soon",
	"overdue",
	"assigned",
	"in_progress",
	"expired"
];
/** Whole percent of a part, 0 when there is no whole. */
function percent(part, whole) {
	return whole > 0 ? Math.round(part / whole * 100) : 0;
}
/** A cell's colour: red when a tenth or more is overdue, green at 90% completed with nobody overdue, amber otherwise. */
function cellTone(c) {
	if (c.total === 0) return "empty";
	if (c.overdue * 10 >= c.total) return "bad";
	if (c.overdue === 0 && c.completed * 10 >= c.total * 9) return "good";
	return "warn";
}
// src/lib/training/hr-filters.ts
/** `department=none` asks for people without a department. */
var NO_DEPARTMENT = "none";
var optionalText = z.string().trim().max(120).optional().transform((v) => v ? v : void 0);
var hrFiltersSchema = z.object({
	department: optionalText,
	course: optionalText,
	status: z.enum(hrStatusFilters).optional().or(z.literal("").transform(() => void 0))
});
/** Parses filters from a query string; `strict` (the API) throws on a bad status, pages just drop it. */
function parseHrFilters(params, o = {}) {
	const raw = {
		department: params.get("department") ?? void 0,
		course: params.get("course") ?? void 0,
		status: params.get("status") ?? void 0
	};
	const parsed = hrFiltersSchema.safeParse(raw);
	if (!parsed.success) {
		if (o.strict) throw badRequest("Unknown filter value", parsed.error.issues.map((i) => ({
			path: i.path.join("."),
			message: i.message
		})));
		return parseHrFilters(new URLSearchParams({
			department: raw.department ?? "",
			course: raw.course ?? ""
		}));
	}
	return {
		departmentId: parsed.data.department,
		course: parsed.data.course,
		status: parsed.data.status
	};
}
/** The query string for a set of filters (links from matrix cells, pagers and exports). */
function hrFilterQuery(f, extra = {}) {
	const params = new URLSearchParams();
	if (f.departmentId) params.set("department", f.departmentId);
	if (f.course) params.set("course", f.course);
	if (f.status) params.set("status", f.status);
	for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
	const s = params.toString();
	return s ? `?${s}` : "";
}
// src/lib/training/hr-status-sql.ts
var DAY_MS = 864e5;
/** Conditions on assignments `a` and users `u`: active people, and the department/course/person asked for. */
function innerConditions(o) {
	const conds = o.includeInactive ? [] : [sql`u.active = 1`];
	const dept = o.filters?.departmentId;
	if (dept === "none") conds.push(sql`u.department_id IS NULL`);
	else if (dept) conds.push(sql`u.department_id = ${dept}`);
	if (o.filters?.course) conds.push(sql`a.course_slug = ${o.filters.course}`);
	if (o.userId) conds.push(sql`a.user_id = ${o.userId}`);
	if (o.where) conds.push(o.where);
	return conds.length ? sql.join(conds, sql` AND `) : sql`1 = 1`;
}
/**
* One row per active person and assigned course, with status and effective due date. The CASE is
* `courseStatus()`: a current completion is completed; an expired one is expired until expiry +
* grace, then overdue; with no completion, past the due date is overdue, else started is
* in_progress, else assigned. The latest completion is one index seek per row.
*/
function statusRowsSql(o) {
	const { now } = o;
	const grace = RECERTIFICATION_GRACE_MS;
	return sql`SELECT u.id AS "userId", u.email AS "email", u.name AS "name", u.department_id AS "departmentId", d.name AS "department",
    a.course_slug AS "course",
    CASE
      WHEN c.id IS NULL THEN
        CASE
          WHEN ${now} > a.due_at THEN 'overdue'
          WHEN EXISTS (SELECT 1 FROM attempts t WHERE t.user_id = a.user_id AND t.course_slug = a.course_slug)
            OR EXISTS (SELECT 1 FROM lesson_progress p WHERE p.user_id = a.user_id AND p.course_slug = a.course_slug) THEN 'in_progress'
          ELSE 'assigned'
        END
      WHEN c.expires_at IS NULL OR c.expires_at > ${now} THEN 'completed'
      WHEN ${now} > c.expires_at + ${grace} THEN 'overdue'
      ELSE 'expired'
    END AS "status",
    CASE WHEN c.expires_at IS NOT NULL AND c.expires_at <= ${now} THEN c.expires_at + ${grace} ELSE a.due_at END AS "dueAt",
    c.id AS "completionId", c.completed_at AS "completedAt", c.expires_at AS "expiresAt", c.score AS "score"
  FROM assignments a
  JOIN users u ON u.id = a.user_id
  LEFT JOIN departments d ON d.id = u.department_id
  LEFT JOIN completions c ON c.id = (
    SELECT c2.id FROM completions c2 WHERE c2.user_id = a.user_id AND c2.course_slug = a.course_slug ORDER BY c2.completed_at DESC LIMIT 1
  )
  WHERE ${innerConditions(o)}`;
}
var dueList = sql.join(dueStatuses.map((s) => sql`${s}`), sql`, `);
/** A condition on the outer alias `s` (rows of `statusRowsSql`) for a status filter; true when none. */
function statusCondition(status, now) {
	if (!status) return sql`1 = 1`;
	if (status === "due") return sql`s."status" IN (${dueList})`;
	if (status === "due_soon") return sql`s."status" IN (${dueList}) AND s."dueAt" <= ${now + 14 * DAY_MS}`;
	return sql`s."status" = ${status}`;
}
export { parseHrFilters as a, percent as c, hrFilterQuery as i, statusRowsSql as n, cellTone as o, NO_DEPARTMENT as r, hrStatusFilters as s, statusCondition as t };
