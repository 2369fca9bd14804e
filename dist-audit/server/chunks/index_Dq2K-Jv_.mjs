import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { i as json, r as handle } from "./http_0lpnW3L4.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { t as listMyCourses } from "./list-my-courses_Dw94oBQ3.mjs";
import { t as requestLocale } from "./_request-locale_BQ0DKAmq.mjs";
// src/pages/api/courses/index.ts
var courses_exports = /* @__PURE__ */ __exportAll({ GET: () => GET });
var GET = handle(async (ctx) => {
	const { db } = await runtime();
	const courses = await listMyCourses({
		db,
		user: ctx.locals.user,
		locale: requestLocale(ctx.url, ctx.locals.locale)
	});
	return json(courses.map((c) => ({
		slug: c.slug,
		title: c.title,
		version: c.version,
		status: c.status,
		dueAt: c.dueAt,
		completedAt: c.completedAt,
		expiresAt: c.expiresAt,
		lessonsRead: c.lessonsRead,
		lessonsTotal: c.lessonsTotal,
		completionId: c.completionId
	})));
});
// \0virtual:astro:page:src/pages/api/courses/index@_@ts
var page = () => courses_exports;
export { page };
