import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, N as addAttribute, T as Fragment, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { t as $$HrNav } from "./HrNav_BRlMaobm.mjs";
import { t as $$StatusBadge } from "./StatusBadge_D-izd903.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { a as listCourses } from "./catalog_BsbRxjFx.mjs";
import { a as notFound, t as AppError } from "./errors_BHtcPHCU.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
import { _ as users, a as attempts, d as departments, l as completions, t as runtime } from "./runtime_CZkbGW4P.mjs";
import { t as formatDay } from "./format-date_DESLAVtA.mjs";
import { n as statusRowsSql } from "./hr-status-sql_HbCxOFkx.mjs";
import { desc, eq, sql } from "drizzle-orm";
// src/lib/training/hr-person-transcript.ts
/** One person's record for HR: assignments with status, every attempt, every completion (old versions too). */
async function getPersonTranscript(o) {
	const now = o.now ?? Date.now();
	const [person] = await o.db.select({
		id: users.id,
		email: users.email,
		name: users.name,
		role: users.role,
		active: users.active,
		department: departments.name
	}).from(users).leftJoin(departments, eq(departments.id, users.departmentId)).where(eq(users.id, o.userId));
	if (!person) throw notFound("No such person");
	const [assigned, tried, done] = await Promise.all([
		o.db.all(sql`SELECT * FROM (${statusRowsSql({
			now,
			userId: o.userId,
			includeInactive: true
		})}) s ORDER BY s."course"`),
		o.db.select({
			id: attempts.id,
			course: attempts.courseSlug,
			attemptNumber: attempts.attemptNumber,
			version: attempts.courseVersion,
			score: attempts.score,
			passed: attempts.passed,
			createdAt: attempts.createdAt,
			completionId: completions.id
		}).from(attempts).leftJoin(completions, eq(completions.attemptId, attempts.id)).where(eq(attempts.userId, o.userId)).orderBy(desc(attempts.createdAt), desc(attempts.attemptNumber)).limit(500),
		o.db.select({
			id: completions.id,
			course: completions.courseSlug,
			version: completions.courseVersion,
			score: completions.score,
			completedAt: completions.completedAt,
			expiresAt: completions.expiresAt,
			certificateNumber: completions.certificateNumber
		}).from(completions).where(eq(completions.userId, o.userId)).orderBy(desc(completions.completedAt))
	]);
	return {
		person,
		assignments: assigned,
		attempts: tried,
		completions: done
	};
}
// src/pages/hr/people/[id].astro
var _id__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Id,
	file: () => $$file,
	url: () => $$url
});
createAstro("https://astro.build");
var $$Id = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Id;
	const { locale } = Astro.locals;
	const t = translator(locale);
	const { db } = await runtime();
	const id = Astro.params.id ?? "";
	let record;
	try {
		record = await getPersonTranscript({
			db,
			userId: id
		});
	} catch (err) {
		if (err instanceof AppError && err.status === 404) return new Response(null, { status: 404 });
		throw err;
	}
	const titles = new Map(listCourses(locale).map((c) => [c.slug, c.meta.title]));
	const title = (slug) => titles.get(slug) ?? slug;
	const day = (at) => at === null ? t("common.none") : formatDay(locale, at);
	const certificate = (completionId) => `/api/certificates/${completionId}.pdf`;
	const { person } = record;
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, {
		"title": person.name,
		"wide": true
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<p class="small"><a${addAttribute(localePath(locale, "/hr/people"), "href")}>← ${t("hr.people.title")}</a></p><div class="hr-head"><h1 data-testid="person-name">${person.name}</h1>${!person.active && renderTemplate`<span class="badge bad">${t("hr.person.inactive")}</span>`}</div><dl class="kv card"><dt>${t("common.email")}</dt><dd>${person.email}</dd><dt>${t("common.department")}</dt><dd>${person.department ?? t("common.noDepartment")}</dd><dt>${t("common.role")}</dt><dd>${t(`role.${person.role}`)}</dd></dl>${renderComponent($$result, "HrNav", $$HrNav, {})}<h2>${t("hr.person.assignments")}</h2>${record.assignments.length === 0 ? renderTemplate`<p class="muted">${t("hr.person.noAssignments")}</p>` : renderTemplate`<div class="table-scroll"><table data-testid="transcript-assignments"><thead><tr><th>${t("hr.course")}</th><th>${t("common.status")}</th><th>${t("hr.dueAt")}</th><th>${t("hr.completedAt")}</th><th>${t("hr.expiresAt")}</th><th>${t("hr.score")}</th><th>${t("hr.certificate")}</th></tr></thead><tbody>${record.assignments.map((a) => renderTemplate`<tr${addAttribute(a.course, "data-course")}><td>${title(a.course)}</td><td>${renderComponent($$result, "StatusBadge", $$StatusBadge, { "status": a.status })}</td><td class="hr-nowrap">${day(a.dueAt)}</td><td class="hr-nowrap">${day(a.completedAt)}</td><td class="hr-nowrap">${day(a.expiresAt)}</td><td>${a.score === null ? t("common.none") : `${a.score}%`}</td><td>${a.completionId ? renderTemplate`<a${addAttribute(certificate(a.completionId), "href")} download>${t("hr.certificate.pdf")}</a>` : t("common.none")}</td></tr>`)}</tbody></table></div>`}<h2>${t("hr.person.completions")}</h2>${record.completions.length === 0 ? renderTemplate`<p class="muted">${t("hr.person.noCompletions")}</p>` : renderTemplate`<div class="table-scroll"><table data-testid="transcript-completions"><thead><tr><th>${t("hr.course")}</th><th>${t("hr.version")}</th><th>${t("hr.completedAt")}</th><th>${t("hr.expiresAt")}</th><th>${t("hr.score")}</th><th>${t("hr.certificate")}</th></tr></thead><tbody>${record.completions.map((c) => renderTemplate`<tr${addAttribute(c.course, "data-course")}><td>${title(c.course)}</td><td>${c.version}</td><td class="hr-nowrap">${day(c.completedAt)}</td><td class="hr-nowrap">${c.expiresAt === null ? t("hr.noExpiry") : day(c.expiresAt)}${c.expiresAt !== null && c.expiresAt <= Date.now() && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` <span class="badge expired">${t("training.status.expired")}</span>` })}`}</td><td>${c.score}%</td><td><a${addAttribute(certificate(c.id), "href")} download data-testid="certificate-link">${c.certificateNumber}</a></td></tr>`)}</tbody></table></div>`}<h2>${t("hr.person.attempts")}</h2>${record.attempts.length === 0 ? renderTemplate`<p class="muted">${t("hr.person.noAttempts")}</p>` : renderTemplate`<div class="table-scroll"><table data-testid="transcript-attempts"><thead><tr><th>${t("hr.course")}</th><th>#</th><th>${t("hr.version")}</th><th>${t("hr.date")}</th><th>${t("hr.score")}</th><th>${t("hr.result")}</th></tr></thead><tbody>${record.attempts.map((a) => renderTemplate`<tr${addAttribute(a.course, "data-course")}><td>${title(a.course)}</td><td>${a.attemptNumber}</td><td>${a.version}</td><td class="hr-nowrap">${day(a.createdAt)}</td><td>${a.score}%</td><td><span${addAttribute(["badge", a.passed ? "pass" : "fail"], "class:list")}>${a.passed ? t("hr.passed") : t("hr.failed")}</span></td></tr>`)}</tbody></table></div>`}` })}`;
}, "/work/main/src/pages/hr/people/[id].astro", void 0);
var $$file = "/work/main/src/pages/hr/people/[id].astro";
var $$url = "/hr/people/[id]";
// \0virtual:astro:page:src/pages/hr/people/[id]@_@astro
var page = () => _id__exports;
export { page };
