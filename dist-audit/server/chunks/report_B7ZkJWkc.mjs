import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { c as audits, g as signedDocuments, t as runtime } from "./runtime_CZkbGW4P.mjs";
import { a as notFound } from "./errors_BHtcPHCU.mjs";
import { n as canReadAudit, t as assertAllowed } from "./audit-access_CPu7THI0.mjs";
import { r as handle } from "./http_0lpnW3L4.mjs";
import { t as routeParams } from "./_route-params_C4G9t9ag.mjs";
import { eq } from "drizzle-orm";
// src/lib/audit/get-report.ts
/** The signed report exactly as stored at signing: the same bytes every time. */
async function getReport(db, o) {
	assertAllowed(canReadAudit(o.actor));
	const [row] = await db.select({
		bytes: signedDocuments.bytes,
		sha256: signedDocuments.sha256,
		status: audits.status
	}).from(audits).leftJoin(signedDocuments, eq(signedDocuments.id, audits.reportId)).where(eq(audits.id, o.auditId));
	if (!row) throw notFound("No such audit");
	if (!row.bytes || !row.sha256) throw notFound("This audit is not signed yet, so it has no report");
	return {
		bytes: row.bytes,
		sha256: row.sha256,
		fileName: `audit-report-${o.auditId}.pdf`
	};
}
// src/pages/api/audits/[id]/report.pdf.ts
var report_pdf_exports = /* @__PURE__ */ __exportAll({ GET: () => GET });
var GET = handle(async (ctx) => {
	const params = routeParams(ctx.params, ctx.locals.path, "/api/audits/[id]/report.pdf");
	const { db } = await runtime();
	const report = await getReport(db, {
		auditId: params.id,
		actor: ctx.locals.user
	});
	return new Response(new Uint8Array(report.bytes), { headers: {
		"content-type": "application/pdf",
		"content-disposition": `attachment; filename="${report.fileName}"`,
		"content-length": String(report.bytes.length),
		etag: `"${report.sha256}"`,
		"x-content-sha256": report.sha256,
		"cache-control": "private, no-cache"
	} });
});
// \0virtual:astro:page:src/pages/api/audits/[id]/report.pdf@_@ts
var page = () => report_pdf_exports;
export { page };
