import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { t as getAudit } from "./get-audit_zUA_EvIR.mjs";
import { i as json, r as handle } from "./http_0lpnW3L4.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { t as routeParams } from "./_route-params_C4G9t9ag.mjs";
// src/pages/api/audits/[id]/index.ts
var _id__exports = /* @__PURE__ */ __exportAll({ GET: () => GET });
var GET = handle(async (ctx) => {
	const params = routeParams(ctx.params, ctx.locals.path, "/api/audits/[id]");
	const { db } = await runtime();
	return json(await getAudit(db, {
		auditId: params.id,
		actor: ctx.locals.user
	}));
});
// \0virtual:astro:page:src/pages/api/audits/[id]/index@_@ts
var page = () => _id__exports;
export { page };
