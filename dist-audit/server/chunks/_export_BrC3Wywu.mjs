import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { t as csvLine } from "./csv_BOSMNlZl.mjs";
import { a as parseHrFilters, n as statusRowsSql, t as statusCondition } from "./hr-status-sql_HbCxOFkx.mjs";
import { sql } from "drizzle-orm";
// src/lib/training/hr-export-rows.ts
/** The export's columns, in order (DESIGN: GET /api/hr/completions). */
var exportColumns = [
	"email",
	"name",
	"department",
	"course",
	"status",
	"dueAt",
	"completedAt",
	"score",
	"expiresAt"
];
/**
* One page of export rows in (email, course) order, after a keyset cursor: each page is an index
* walk from where the last one stopped, so a 30,000-row export never sorts or skips rows again.
*/
async function pageExportRows(o) {
	const after = o.after ? sql`u.email >= ${o.after.email} AND (u.email > ${o.after.email} OR a.course_slug > ${o.after.course})` : void 0;
	return o.db.all(sql`
    SELECT s."email", s."name", s."department", s."course", s."status", s."dueAt", s."completedAt", s."score", s."expiresAt"
    FROM (${statusRowsSql({
		now: o.now,
		filters: o.filters,
		where: after
	})}) s
    WHERE ${statusCondition(o.filters.status, o.now)}
    ORDER BY s."email", s."course"
    LIMIT ${o.limit}`);
}
// src/lib/training/hr-export-stream.ts
/** An ISO 8601 UTC time to the second, which sorts as text and Excel shows as is; empty for none. */
function exportTime(at) {
	return at === null ? "" : new Date(at).toISOString().replace(/\.\d{3}Z$/, "Z");
}
function csvRow(r) {
	return csvLine([
		r.email,
		r.name,
		r.department ?? "",
		r.course,
		r.status,
		exportTime(r.dueAt),
		exportTime(r.completedAt),
		r.score ?? "",
		exportTime(r.expiresAt)
	]);
}
/** The export as bytes: CSV (UTF-8 with BOM, formula-guarded cells) or a JSON array, read page by page. */
function completionsStream(o) {
	const now = o.now ?? Date.now();
	const limit = o.pageSize ?? 500;
	const encoder = new TextEncoder();
	let cursor = null;
	let started = false;
	let rowsSent = 0;
	return new ReadableStream({ async pull(controller) {
		if (!started) {
			started = true;
			controller.enqueue(encoder.encode(o.format === "csv" ? "﻿" + csvLine(exportColumns) : "["));
			return;
		}
		const rows = await pageExportRows({
			db: o.db,
			filters: o.filters,
			now,
			after: cursor,
			limit
		});
		if (rows.length === 0) {
			if (o.format === "json") controller.enqueue(encoder.encode("]\n"));
			controller.close();
			return;
		}
		const last = rows[rows.length - 1];
		cursor = {
			email: last.email,
			course: last.course
		};
		const text = o.format === "csv" ? rows.map(csvRow).join("") : rows.map((r, i) => `${rowsSent + i === 0 ? "" : ","}\n${JSON.stringify(r)}`).join("");
		rowsSent += rows.length;
		controller.enqueue(encoder.encode(text));
	} }, { highWaterMark: 1 });
}
// src/pages/api/hr/_export.ts
/** The streamed completions export in either format, filtered by the query string (department, course, status). */
async function exportResponse(url, format) {
	const filters = parseHrFilters(url.searchParams, { strict: true });
	const { db } = await runtime();
	const day = (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
	const headers = format === "csv" ? {
		"content-type": "text/csv; charset=utf-8",
		"content-disposition": `attachment; filename="completions-${day}.csv"`
	} : { "content-type": "application/json; charset=utf-8" };
	return new Response(completionsStream({
		db,
		filters,
		format
	}), { headers: {
		...headers,
		"cache-control": "private, no-store"
	} });
}
export { exportResponse as t };
