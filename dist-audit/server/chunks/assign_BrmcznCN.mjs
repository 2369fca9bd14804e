import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, N as addAttribute, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { t as $$HrNav } from "./HrNav_BRlMaobm.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { n as listDepartments } from "./departments_YiB6cmfZ.mjs";
import { a as listCourses } from "./catalog_BsbRxjFx.mjs";
import { t as AppError } from "./errors_BHtcPHCU.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
import { d as departments, r as assignmentRules, t as runtime } from "./runtime_CZkbGW4P.mjs";
import { n as splitEmails, r as assignCourse, t as assignmentInputSchema } from "./assignment-input_rKXyU_RS.mjs";
import { t as formatDay } from "./format-date_DESLAVtA.mjs";
import { asc, eq } from "drizzle-orm";
// src/lib/training/list-assignment-rules.ts
/** The standing assignments (everyone or a department) that people who join later receive, by course. */
function listAssignmentRules(db) {
	return db.select({
		id: assignmentRules.id,
		course: assignmentRules.courseSlug,
		departmentId: assignmentRules.departmentId,
		department: departments.name,
		dueAt: assignmentRules.dueAt,
		recurMonths: assignmentRules.recurMonths
	}).from(assignmentRules).leftJoin(departments, eq(departments.id, assignmentRules.departmentId)).orderBy(asc(assignmentRules.courseSlug), asc(departments.name));
}
// src/pages/hr/_assign-form.ts
/** Turns the /hr/assign form into the same input the API takes, so both go through one schema and one operation. */
function assignmentFromForm(form) {
	const text = (name) => String(form.get(name) ?? "").trim();
	const recur = text("recurMonths");
	const base = {
		course: text("course"),
		dueAt: text("dueAt"),
		...recur ? { recurMonths: Number(recur) } : {}
	};
	const scope = text("scope");
	if (scope === "department") return {
		...base,
		department: text("department")
	};
	if (scope === "emails") return {
		...base,
		emails: splitEmails(text("emails"))
	};
	return {
		...base,
		all: true
	};
}
// src/pages/hr/assign.astro
var assign_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Assign,
	file: () => $$file,
	url: () => $$url
});
createAstro("https://astro.build");
var $$Assign = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Assign;
	const { locale, user } = Astro.locals;
	const t = translator(locale);
	const { db } = await runtime();
	const self = localePath(locale, "/hr/assign");
	let error = null;
	let form = {};
	if (Astro.request.method === "POST") {
		form = assignmentFromForm(await Astro.request.formData());
		try {
			const parsed = assignmentInputSchema.safeParse(form);
			if (!parsed.success) throw new AppError(400, t("hr.assign.invalid"), parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
			const r = await assignCourse({
				db,
				actor: user,
				input: parsed.data
			});
			const done = new URLSearchParams({
				course: parsed.data.course,
				assigned: String(r.assigned),
				created: String(r.created),
				moved: String(r.moved),
				unchanged: String(r.unchanged + r.updated)
			});
			return Astro.redirect(`${self}?${done}`, 303);
		} catch (err) {
			if (!(err instanceof AppError)) throw err;
			Astro.response.status = err.status;
			const d = err.details;
			error = {
				message: err.message,
				items: Array.isArray(d) ? d : d?.unknownEmails ?? []
			};
		}
	}
	const [departments, rules] = await Promise.all([listDepartments(db), listAssignmentRules(db)]);
	const courses = listCourses(locale).map((c) => ({
		slug: c.slug,
		title: c.meta.title,
		recur: c.meta.recertifyMonths
	}));
	const titles = new Map(courses.map((c) => [c.slug, c.title]));
	const q = Astro.url.searchParams;
	const result = q.has("assigned") ? {
		course: titles.get(q.get("course") ?? "") ?? q.get("course"),
		assigned: q.get("assigned"),
		created: q.get("created"),
		moved: q.get("moved"),
		unchanged: q.get("unchanged")
	} : null;
	const scope = form.emails ? "emails" : form.department !== void 0 ? "department" : "all";
	const today = (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, {
		"title": t("hr.assign.title"),
		"wide": true
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t("hr.assign.title")}</h1>${renderComponent($$result, "HrNav", $$HrNav, {})}${result && renderTemplate`<p class="alert ok" role="status" data-testid="assign-result">${t("hr.assign.done", {
		course: result.course ?? "",
		assigned: result.assigned ?? 0,
		created: result.created ?? 0,
		moved: result.moved ?? 0,
		unchanged: result.unchanged ?? 0
	})}</p>`}${error && renderTemplate`<div class="alert error hr-problems" role="alert" data-testid="assign-error"><p>${error.message}</p>${error.items.length > 0 && renderTemplate`<ul>${error.items.slice(0, 50).map((i) => renderTemplate`<li>${i}</li>`)}</ul>`}</div>`}<p class="muted">${t("hr.assign.intro")}</p><form method="post" class="card hr-assign-form" data-testid="assign-form"><label for="a-course">${t("hr.course")}</label><select id="a-course" name="course" required>${courses.map((c) => renderTemplate`<option${addAttribute(c.slug, "value")}${addAttribute(form.course === c.slug, "selected")}>${c.title}</option>`)}</select><fieldset class="hr-scope"><legend>${t("hr.assign.who")}</legend><label class="hr-choice"><input type="radio" name="scope" value="all"${addAttribute(scope === "all", "checked")}> ${t("hr.assign.everyone")}</label><label class="hr-choice"><input type="radio" name="scope" value="department"${addAttribute(scope === "department", "checked")}> ${t("hr.assign.department")}</label><select name="department"${addAttribute(t("common.department"), "aria-label")} class="hr-scope-detail">${departments.map((d) => renderTemplate`<option${addAttribute(d.id, "value")}${addAttribute(form.department === d.id, "selected")}>${d.name}</option>`)}</select><label class="hr-choice"><input type="radio" name="scope" value="emails"${addAttribute(scope === "emails", "checked")}> ${t("hr.assign.people")}</label><textarea name="emails" rows="3" class="hr-scope-detail"${addAttribute(t("hr.assign.emails"), "aria-label")}${addAttribute(t("hr.assign.emailsPlaceholder"), "placeholder")}>${Array.isArray(form.emails) ? form.emails.join("\n") : ""}</textarea></fieldset><div class="grid"><div><label for="a-due">${t("hr.dueAt")}</label><input id="a-due" name="dueAt" type="date" required${addAttribute(today, "min")}${addAttribute(typeof form.dueAt === "string" ? form.dueAt : "", "value")}></div><div><label for="a-recur">${t("hr.assign.recur")}</label><input id="a-recur" name="recurMonths" type="number" min="0" max="120" step="1" inputmode="numeric"${addAttribute(t("hr.assign.recurDefault"), "placeholder")}${addAttribute(typeof form.recurMonths === "number" ? String(form.recurMonths) : "", "value")}></div></div><p class="muted small">${t("hr.assign.rules")}</p><p><button type="submit">${t("hr.assign.submit")}</button></p></form><h2>${t("hr.assign.standing")}</h2>${rules.length === 0 ? renderTemplate`<p class="muted">${t("hr.assign.noStanding")}</p>` : renderTemplate`<div class="table-scroll"><table data-testid="standing-rules"><thead><tr><th>${t("hr.course")}</th><th>${t("hr.assign.who")}</th><th>${t("hr.dueAt")}</th><th>${t("hr.assign.recurShort")}</th></tr></thead><tbody>${rules.map((r) => renderTemplate`<tr><td>${titles.get(r.course) ?? r.course}</td><td>${r.departmentId ? r.department : t("hr.assign.everyone")}</td><td class="hr-nowrap">${formatDay(locale, r.dueAt)}</td><td>${r.recurMonths > 0 ? t("hr.assign.everyMonths", { n: r.recurMonths }) : t("hr.noExpiry")}</td></tr>`)}</tbody></table></div>`}` })}`;
}, "/work/main/src/pages/hr/assign.astro", void 0);
var $$file = "/work/main/src/pages/hr/assign.astro";
var $$url = "/hr/assign";
// \0virtual:astro:page:src/pages/hr/assign@_@astro
var page = () => assign_exports;
export { page };
