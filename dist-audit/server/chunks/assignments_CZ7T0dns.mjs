import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { i as json, r as handle, s as readJson } from "./http_0lpnW3L4.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { r as assignCourse, t as assignmentInputSchema } from "./assignment-input_rKXyU_RS.mjs";
// src/pages/api/hr/assignments.ts
var assignments_exports = /* @__PURE__ */ __exportAll({ POST: () => POST });
var POST = handle(async (ctx) => {
	const input = await readJson(ctx.request, assignmentInputSchema);
	const { db } = await runtime();
	const { ruleId: _, ...result } = await assignCourse({
		db,
		actor: ctx.locals.user,
		input
	});
	return json(result, 201);
});
// \0virtual:astro:page:src/pages/api/hr/assignments@_@ts
var page = () => assignments_exports;
export { page };
