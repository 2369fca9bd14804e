import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { i as json, r as handle } from "./http_0lpnW3L4.mjs";
import { l as completions, t as runtime } from "./runtime_CZkbGW4P.mjs";
import { desc, eq } from "drizzle-orm";
// src/lib/training/list-my-completions.ts
/** A person's completions, newest first: their transcript (earlier versions stay on it). */
async function listMyCompletions(o) {
	return o.db.select({
		id: completions.id,
		course: completions.courseSlug,
		version: completions.courseVersion,
		completedAt: completions.completedAt,
		expiresAt: completions.expiresAt,
		score: completions.score,
		certificateNumber: completions.certificateNumber
	}).from(completions).where(eq(completions.userId, o.userId)).orderBy(desc(completions.completedAt));
}
// src/pages/api/me/completions.ts
var completions_exports = /* @__PURE__ */ __exportAll({ GET: () => GET });
var GET = handle(async (ctx) => {
	const { db } = await runtime();
	return json(await listMyCompletions({
		db,
		userId: ctx.locals.user.id
	}));
});
// \0virtual:astro:page:src/pages/api/me/completions@_@ts
var page = () => completions_exports;
export { page };
