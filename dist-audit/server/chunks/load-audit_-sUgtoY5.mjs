import { a as notFound, r as conflict } from "./errors_BHtcPHCU.mjs";
import { c as audits, s as auditResponses } from "./runtime_CZkbGW4P.mjs";
import { n as isLocale } from "./i18n_poIUamJY.mjs";
import { n as getChecklist } from "./catalog_BsbRxjFx.mjs";
import { eq } from "drizzle-orm";
// src/lib/audit/audit-state.ts
/** Whether responses, evidence and signing are still possible. */
function isEditable(status) {
	return status === "draft";
}
/** Throws 409 unless the audit is still a draft. */
function assertEditable(audit) {
	if (!isEditable(audit.status)) throw conflict("This audit is signed and can no longer change");
}
// src/lib/audit/load-audit.ts
/** The audit row, or 404. */
async function findAudit(db, auditId) {
	const [audit] = await db.select().from(audits).where(eq(audits.id, auditId));
	if (!audit) throw notFound("No such audit");
	return audit;
}
/** The audit's checklist in the audit's own language (item ids are the same in every language). */
function checklistOf(audit) {
	const checklist = getChecklist(audit.checklistSlug, isLocale(audit.locale) ? audit.locale : "en");
	if (!checklist) throw new Error(`Checklist ${audit.checklistSlug} is missing from the content`);
	return checklist;
}
/** Every answer recorded for the audit, by item id. */
async function answersOf(db, auditId) {
	const rows = await db.select().from(auditResponses).where(eq(auditResponses.auditId, auditId));
	return Object.fromEntries(rows.map((r) => [r.itemId, {
		result: r.result,
		note: r.note,
		updatedAt: r.updatedAt,
		updatedBy: r.updatedBy
	}]));
}
/** Whether the checklist has this item. */
function hasItem(checklist, itemId) {
	return checklist.sections.some((s) => s.items.some((i) => i.id === itemId));
}
export { assertEditable as a, hasItem as i, checklistOf as n, isEditable as o, findAudit as r, answersOf as t };
