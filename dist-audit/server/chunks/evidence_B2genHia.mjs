import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { n as cleanFileName, r as detectEvidenceType, t as MAX_EVIDENCE_BYTES } from "./evidence-type_C2HZv1ZH.mjs";
import { f as evidence, t as runtime } from "./runtime_CZkbGW4P.mjs";
import { i as writeTransaction, t as appendLog } from "./append-log_yLIJX3Fe.mjs";
import { a as notFound, c as unprocessable, n as badRequest, t as AppError } from "./errors_BHtcPHCU.mjs";
import { r as sha256Hex, t as newId } from "./ids_a_t61mxT.mjs";
import { a as canWriteAudit, t as assertAllowed } from "./audit-access_CPu7THI0.mjs";
import { a as assertEditable, i as hasItem, n as checklistOf, r as findAudit } from "./load-audit_-sUgtoY5.mjs";
import { n as storeEvidenceFile } from "./evidence-store_UgyQ8y-f.mjs";
import { t as config } from "./config_B843mDYI.mjs";
import { i as json, o as readFormData, r as handle } from "./http_0lpnW3L4.mjs";
import { t as routeParams } from "./_route-params_C4G9t9ag.mjs";
// src/lib/audit/upload-evidence.ts
/** Attaches a photo or PDF (checked by content, at most 10 MB) to an item of a draft audit. */
async function uploadEvidence(db, o) {
	if (o.bytes.length === 0) throw unprocessable("The file is empty");
	if (o.bytes.length > 10485760) throw new AppError(413, `Evidence files are at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`);
	const type = detectEvidenceType(o.bytes);
	if (!type) throw new AppError(415, "Evidence must be a JPEG, PNG, WebP or HEIC photo, or a PDF");
	const audit = await findAudit(db, o.auditId);
	assertAllowed(canWriteAudit(o.actor, audit), "Only the auditor of this audit may add evidence");
	assertEditable(audit);
	if (!hasItem(checklistOf(audit), o.itemId)) throw notFound(`The checklist has no item "${o.itemId}"`);
	const sha256 = sha256Hex(o.bytes);
	const storagePath = storeEvidenceFile(o.dataDir, sha256, o.bytes);
	const row = {
		id: newId(),
		auditId: o.auditId,
		itemId: o.itemId,
		fileName: cleanFileName(o.fileName, type.extension),
		mimeType: type.mime,
		size: o.bytes.length,
		sha256,
		storagePath,
		uploadedBy: o.actor.id,
		createdAt: o.now ?? Date.now()
	};
	await writeTransaction(db, async (tx) => {
		assertEditable(await findAudit(tx, o.auditId));
		await tx.insert(evidence).values(row);
		await appendLog(tx, {
			actorId: o.actor.id,
			action: "audit.evidence",
			subjectType: "audit",
			subjectId: o.auditId,
			details: {
				evidenceId: row.id,
				itemId: o.itemId,
				fileName: row.fileName,
				sha256,
				size: row.size
			},
			at: row.createdAt
		});
	});
	return {
		id: row.id,
		itemId: row.itemId,
		fileName: row.fileName,
		mimeType: row.mimeType,
		size: row.size,
		sha256,
		createdAt: row.createdAt
	};
}
// src/pages/api/audits/[id]/evidence.ts
var evidence_exports = /* @__PURE__ */ __exportAll({ POST: () => POST });
var MAX_BODY = MAX_EVIDENCE_BYTES + 65536;
var POST = handle(async (ctx) => {
	const params = routeParams(ctx.params, ctx.locals.path, "/api/audits/[id]/evidence");
	const form = await readFormData(ctx.request, MAX_BODY);
	const itemId = form.get("itemId");
	const file = form.get("file");
	if (typeof itemId !== "string" || !itemId) throw badRequest("The form needs an itemId field");
	if (!(file instanceof File)) throw badRequest("The form needs a file field");
	const { db } = await runtime();
	const stored = await uploadEvidence(db, {
		auditId: params.id,
		itemId,
		fileName: file.name,
		bytes: new Uint8Array(await file.arrayBuffer()),
		actor: ctx.locals.user,
		dataDir: config().dataDir
	});
	return json({
		...stored,
		url: `/api/evidence/${stored.id}`
	}, 201);
});
// \0virtual:astro:page:src/pages/api/audits/[id]/evidence@_@ts
var page = () => evidence_exports;
export { page };
