import { _ as users, f as evidence, g as signedDocuments, u as correctiveActions } from "./runtime_CZkbGW4P.mjs";
import { a as canWriteAudit, n as canReadAudit, r as canSignAudit, t as assertAllowed } from "./audit-access_CPu7THI0.mjs";
import { n as checklistOf, o as isEditable, r as findAudit, t as answersOf } from "./load-audit_-sUgtoY5.mjs";
import { n as scoreAudit } from "./scoring_CbtWBGzI.mjs";
import { asc, eq } from "drizzle-orm";
// src/lib/audit/get-audit.ts
/** One audit with its checklist, every response, evidence, score and (once signed) report and actions. */
async function getAudit(db, o) {
	assertAllowed(canReadAudit(o.actor));
	const row = await findAudit(db, o.auditId);
	const checklist = checklistOf(row);
	const [responses, files, [auditor], [report], actions] = await Promise.all([
		answersOf(db, row.id),
		db.select().from(evidence).where(eq(evidence.auditId, row.id)).orderBy(asc(evidence.createdAt)),
		db.select({ name: users.name }).from(users).where(eq(users.id, row.auditorId)),
		row.reportId ? db.select({
			id: signedDocuments.id,
			sha256: signedDocuments.sha256,
			verificationCode: signedDocuments.verificationCode,
			signerName: signedDocuments.signerName
		}).from(signedDocuments).where(eq(signedDocuments.id, row.reportId)) : Promise.resolve([]),
		db.select({
			id: correctiveActions.id,
			itemId: correctiveActions.itemId,
			title: correctiveActions.title,
			severity: correctiveActions.severity,
			status: correctiveActions.status,
			dueAt: correctiveActions.dueAt
		}).from(correctiveActions).where(eq(correctiveActions.auditId, row.id)).orderBy(asc(correctiveActions.itemId))
	]);
	const editable = isEditable(row.status);
	return {
		audit: {
			id: row.id,
			title: row.title,
			site: row.site,
			checklistSlug: row.checklistSlug,
			checklistVersion: row.checklistVersion,
			locale: row.locale,
			status: row.status,
			auditorId: row.auditorId,
			auditorName: auditor?.name ?? "",
			createdAt: row.createdAt,
			signedAt: row.signedAt,
			statement: row.statement,
			hasDrawnSignature: row.signatureImage !== null
		},
		checklist,
		responses,
		evidence: files.map((f) => ({
			id: f.id,
			itemId: f.itemId,
			fileName: f.fileName,
			mimeType: f.mimeType,
			size: f.size,
			sha256: f.sha256,
			createdAt: f.createdAt
		})),
		score: scoreAudit(checklist, Object.fromEntries(Object.entries(responses).map(([id, a]) => [id, a.result]))),
		report: report ?? null,
		actions,
		canEdit: editable && canWriteAudit(o.actor, row),
		canSign: editable && canSignAudit(o.actor, row)
	};
}
export { getAudit as t };
