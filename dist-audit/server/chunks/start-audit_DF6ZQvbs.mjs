import { c as unprocessable } from "./errors_BHtcPHCU.mjs";
import { _ as users, c as audits, s as auditResponses, u as correctiveActions } from "./runtime_CZkbGW4P.mjs";
import { n as isLocale } from "./i18n_poIUamJY.mjs";
import { t as newId } from "./ids_a_t61mxT.mjs";
import { i as writeTransaction, t as appendLog } from "./append-log_yLIJX3Fe.mjs";
import { n as canReadAudit, t as assertAllowed } from "./audit-access_CPu7THI0.mjs";
import { n as getChecklist } from "./catalog_BsbRxjFx.mjs";
import { desc, eq, sql } from "drizzle-orm";
// src/lib/audit/list-audits.ts
var scored = sql`sum(case when ${auditResponses.result} in ('pass', 'partial', 'fail') then 1 else 0 end)`;
var points = sql`sum(case ${auditResponses.result} when 'pass' then 2 when 'partial' then 1 else 0 end)`;
/** Audits, newest first, with the score (stored when signed, computed live for a draft: same formula as scoring.ts) and open findings, all counted in SQL. */
async function listAudits(db, o) {
	assertAllowed(canReadAudit(o.actor));
	return (await db.select({
		id: audits.id,
		title: audits.title,
		site: audits.site,
		checklistSlug: audits.checklistSlug,
		locale: audits.locale,
		status: audits.status,
		auditorId: audits.auditorId,
		auditorName: users.name,
		createdAt: audits.createdAt,
		signedAt: audits.signedAt,
		answered: sql`count(${auditResponses.itemId})`,
		score: sql`case when ${audits.status} = 'signed' then ${audits.score}
        when coalesce(${scored}, 0) = 0 then null
        else (100 * ${points} + ${scored}) / (2 * ${scored}) end`,
		openFindings: sql`case when ${audits.status} = 'signed'
        then (select count(*) from ${correctiveActions} where ${correctiveActions.auditId} = ${audits.id} and ${correctiveActions.status} <> 'verified')
        else coalesce(sum(case when ${auditResponses.result} in ('fail', 'partial') then 1 else 0 end), 0) end`
	}).from(audits).innerJoin(users, eq(users.id, audits.auditorId)).leftJoin(auditResponses, eq(auditResponses.auditId, audits.id)).where(o.status ? eq(audits.status, o.status) : void 0).groupBy(audits.id).orderBy(desc(audits.createdAt), desc(audits.id)).limit(o.limit ?? 200)).map((r) => ({
		...r,
		answered: Number(r.answered),
		total: getChecklist(r.checklistSlug, isLocale(r.locale) ? r.locale : "en")?.sections.reduce((n, s) => n + s.items.length, 0) ?? 0,
		score: r.score === null ? null : Number(r.score),
		openFindings: Number(r.openFindings)
	}));
}
/** Starts a draft audit from a checklist, in the given language; the actor becomes its auditor. */
async function startAudit(db, o) {
	assertAllowed(canReadAudit(o.actor), "Only auditors and administrators conduct audits");
	const checklist = getChecklist(o.checklist, o.locale);
	if (!checklist) throw unprocessable(`There is no checklist "${o.checklist}"`);
	const title = o.title.trim();
	const site = o.site?.trim() || null;
	if (!title) throw unprocessable("Give the audit a title");
	if (title.length > 200 || (site?.length ?? 0) > 200) throw unprocessable(`Title and site are at most 200 characters`);
	const id = newId();
	const now = o.now ?? Date.now();
	await writeTransaction(db, async (tx) => {
		await tx.insert(audits).values({
			id,
			checklistSlug: checklist.slug,
			checklistVersion: checklist.version,
			locale: o.locale,
			title,
			site,
			auditorId: o.actor.id,
			createdAt: now
		});
		await appendLog(tx, {
			actorId: o.actor.id,
			action: "audit.start",
			subjectType: "audit",
			subjectId: id,
			details: {
				checklist: checklist.slug,
				version: checklist.version,
				locale: o.locale,
				title,
				site
			},
			at: now
		});
	});
	return { id };
}
export { listAudits as n, startAudit as t };
