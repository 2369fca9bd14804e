import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { i as json, r as handle } from "./http_0lpnW3L4.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { t as getQuiz } from "./get-quiz_Dvg-HfM7.mjs";
import { t as requestLocale } from "./_request-locale_BQ0DKAmq.mjs";
import { t as routeParams } from "./_route-params_C4G9t9ag.mjs";
// src/pages/api/courses/[slug]/quiz.ts
var quiz_exports = /* @__PURE__ */ __exportAll({ GET: () => GET });
var GET = handle(async (ctx) => {
	const params = routeParams(ctx.params, ctx.locals.path, "/api/courses/[slug]/quiz");
	const { db } = await runtime();
	const quiz = await getQuiz({
		db,
		userId: ctx.locals.user.id,
		courseSlug: params.slug,
		locale: requestLocale(ctx.url, ctx.locals.locale)
	});
	return json(quiz);
});
// \0virtual:astro:page:src/pages/api/courses/[slug]/quiz@_@ts
var page = () => quiz_exports;
export { page };
