import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { i as json, r as handle } from "./http_0lpnW3L4.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { t as markLessonRead } from "./mark-lesson-read_Dqkfj_d2.mjs";
import { t as routeParams } from "./_route-params_C4G9t9ag.mjs";
// src/pages/api/courses/[slug]/lessons/[lesson]/read.ts
var read_exports = /* @__PURE__ */ __exportAll({ POST: () => POST });
var POST = handle(async (ctx) => {
	const params = routeParams(ctx.params, ctx.locals.path, "/api/courses/[slug]/lessons/[lesson]/read");
	const { db } = await runtime();
	const { created } = await markLessonRead({
		db,
		userId: ctx.locals.user.id,
		courseSlug: params.slug,
		lessonSlug: params.lesson
	});
	return json({
		read: true,
		created
	});
});
// \0virtual:astro:page:src/pages/api/courses/[slug]/lessons/[lesson]/read@_@ts
var page = () => read_exports;
export { page };
