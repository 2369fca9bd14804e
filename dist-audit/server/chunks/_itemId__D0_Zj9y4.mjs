import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { s as auditResponses, t as runtime } from "./runtime_CZkbGW4P.mjs";
import { i as writeTransaction, t as appendLog } from "./append-log_yLIJX3Fe.mjs";
import { a as notFound, c as unprocessable } from "./errors_BHtcPHCU.mjs";
import { a as canWriteAudit, t as assertAllowed } from "./audit-access_CPu7THI0.mjs";
import { a as assertEditable, i as hasItem, n as checklistOf, r as findAudit } from "./load-audit_-sUgtoY5.mjs";
import { t as ITEM_RESULTS } from "./scoring_CbtWBGzI.mjs";
import { i as json, r as handle, s as readJson } from "./http_0lpnW3L4.mjs";
import { t as routeParams } from "./_route-params_C4G9t9ag.mjs";
import { z } from "zod";
import { sql } from "drizzle-orm";
// src/lib/audit/record-response.ts
var MAX_NOTE_LENGTH = 4e3;
/** Records (or replaces) the result and note of one item of a draft audit; 409 once it is signed. */
async function recordResponse(db, o) {
	if (o.note !== void 0 && o.note.length > 4e3) throw unprocessable(`A note is at most ${MAX_NOTE_LENGTH} characters`);
	const note = o.note?.trim();
	return writeTransaction(db, async (tx) => {
		const audit = await findAudit(tx, o.auditId);
		assertAllowed(canWriteAudit(o.actor, audit), "Only the auditor of this audit may change it");
		assertEditable(audit);
		if (!hasItem(checklistOf(audit), o.itemId)) throw notFound(`The checklist has no item "${o.itemId}"`);
		const now = o.now ?? Date.now();
		const [row] = await tx.insert(auditResponses).values({
			auditId: o.auditId,
			itemId: o.itemId,
			result: o.result,
			note: note ?? "",
			updatedBy: o.actor.id,
			updatedAt: now
		}).onConflictDoUpdate({
			target: [auditResponses.auditId, auditResponses.itemId],
			set: {
				result: o.result,
				note: note ?? sql`${auditResponses.note}`,
				updatedBy: o.actor.id,
				updatedAt: now
			}
		}).returning();
		await appendLog(tx, {
			actorId: o.actor.id,
			action: "audit.response",
			subjectType: "audit",
			subjectId: o.auditId,
			details: {
				itemId: o.itemId,
				result: o.result,
				note: row.note
			},
			at: now
		});
		return {
			itemId: o.itemId,
			result: row.result,
			note: row.note,
			updatedAt: row.updatedAt,
			updatedBy: row.updatedBy
		};
	});
}
// src/pages/api/audits/[id]/responses/[itemId].ts
var _itemId__exports = /* @__PURE__ */ __exportAll({ PUT: () => PUT });
var body = z.object({
	result: z.enum(ITEM_RESULTS),
	note: z.string().max(1e4).optional()
});
var PUT = handle(async (ctx) => {
	const params = routeParams(ctx.params, ctx.locals.path, "/api/audits/[id]/responses/[itemId]");
	const input = await readJson(ctx.request, body);
	const { db } = await runtime();
	return json(await recordResponse(db, {
		auditId: params.id,
		itemId: params.itemId,
		result: input.result,
		note: input.note,
		actor: ctx.locals.user
	}));
});
// \0virtual:astro:page:src/pages/api/audits/[id]/responses/[itemId]@_@ts
var page = () => _itemId__exports;
export { page };
