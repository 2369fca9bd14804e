import { t as can } from "./permissions_DBoHzJdR.mjs";
import { i as forbidden } from "./errors_BHtcPHCU.mjs";
// src/lib/audit/audit-access.ts
/** Any auditor or admin may read any audit and its report. */
function canReadAudit(actor) {
	return can(actor.role, "audits.conduct");
}
/** Only the audit's own auditor, or an admin, may change a draft. */
function canWriteAudit(actor, audit) {
	return canReadAudit(actor) && (actor.id === audit.auditorId || actor.role === "admin");
}
/** Only the audit's own auditor may sign it: the signature says "I observed this". */
function canSignAudit(actor, audit) {
	return canReadAudit(actor) && actor.id === audit.auditorId;
}
/** Evidence is seen by auditors and admins, and (for an action's evidence) by the action's owner. */
function canViewEvidence(actor, evidence) {
	return canReadAudit(actor) || evidence.actionOwnerId !== null && evidence.actionOwnerId === actor.id;
}
/** Throws 403 unless the check passed. */
function assertAllowed(allowed, message) {
	if (!allowed) throw forbidden(message);
}
export { canWriteAudit as a, canViewEvidence as i, canReadAudit as n, canSignAudit as r, assertAllowed as t };
