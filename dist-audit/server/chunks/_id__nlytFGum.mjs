import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { f as evidence, t as runtime, u as correctiveActions } from "./runtime_CZkbGW4P.mjs";
import { a as notFound } from "./errors_BHtcPHCU.mjs";
import { i as canViewEvidence, t as assertAllowed } from "./audit-access_CPu7THI0.mjs";
import { t as readEvidenceFile } from "./evidence-store_UgyQ8y-f.mjs";
import { t as config } from "./config_B843mDYI.mjs";
import { r as handle } from "./http_0lpnW3L4.mjs";
import { t as routeParams } from "./_route-params_C4G9t9ag.mjs";
import { eq } from "drizzle-orm";
// src/lib/audit/get-evidence.ts
/** One evidence file with its name and type, for someone allowed to see it. */
async function getEvidence(db, o) {
	const [row] = await db.select({
		fileName: evidence.fileName,
		mimeType: evidence.mimeType,
		sha256: evidence.sha256,
		storagePath: evidence.storagePath,
		actionOwnerId: correctiveActions.ownerId
	}).from(evidence).leftJoin(correctiveActions, eq(correctiveActions.id, evidence.actionId)).where(eq(evidence.id, o.evidenceId));
	if (!row) throw notFound("No such evidence");
	assertAllowed(canViewEvidence(o.actor, { actionOwnerId: row.actionOwnerId ?? null }));
	return {
		fileName: row.fileName,
		mimeType: row.mimeType,
		sha256: row.sha256,
		bytes: readEvidenceFile(o.dataDir, row.storagePath, row.sha256)
	};
}
// src/pages/api/evidence/[id].ts
var _id__exports = /* @__PURE__ */ __exportAll({ GET: () => GET });
var GET = handle(async (ctx) => {
	const params = routeParams(ctx.params, ctx.locals.path, "/api/evidence/[id]");
	const { db } = await runtime();
	const file = await getEvidence(db, {
		evidenceId: params.id,
		actor: ctx.locals.user,
		dataDir: config().dataDir
	});
	const disposition = file.mimeType.startsWith("image/") ? "inline" : "attachment";
	return new Response(new Uint8Array(file.bytes), { headers: {
		"content-type": file.mimeType,
		"content-disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
		"content-length": String(file.bytes.length),
		"content-security-policy": "default-src 'none'; img-src 'self'; sandbox",
		etag: `"${file.sha256}"`,
		"cache-control": "private, max-age=3600, immutable"
	} });
});
// \0virtual:astro:page:src/pages/api/evidence/[id]@_@ts
var page = () => _id__exports;
export { page };
