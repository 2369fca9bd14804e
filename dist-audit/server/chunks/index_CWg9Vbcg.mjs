import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { r as locales } from "./i18n_poIUamJY.mjs";
import { n as listAudits, t as startAudit } from "./start-audit_DF6ZQvbs.mjs";
import { i as json, r as handle, s as readJson } from "./http_0lpnW3L4.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { z } from "zod";
// src/pages/api/audits/index.ts
var audits_exports = /* @__PURE__ */ __exportAll({
	GET: () => GET,
	POST: () => POST
});
var body = z.object({
	checklist: z.string().max(100),
	title: z.string().max(1e3),
	site: z.string().max(1e3).nullish(),
	locale: z.enum(locales).optional()
});
var GET = handle(async (ctx) => {
	const { db } = await runtime();
	const status = ctx.url.searchParams.get("status");
	return json(await listAudits(db, {
		actor: ctx.locals.user,
		status: status === "draft" || status === "signed" ? status : void 0
	}));
});
var POST = handle(async (ctx) => {
	const input = await readJson(ctx.request, body);
	const { db } = await runtime();
	const { id } = await startAudit(db, {
		checklist: input.checklist,
		title: input.title,
		site: input.site,
		locale: input.locale ?? ctx.locals.locale,
		actor: ctx.locals.user
	});
	return json({ id }, 201);
});
// \0virtual:astro:page:src/pages/api/audits/index@_@ts
var page = () => audits_exports;
export { page };
