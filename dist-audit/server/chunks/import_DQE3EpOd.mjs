import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { t as $$HrNav } from "./HrNav_BRlMaobm.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { c as unprocessable, i as forbidden, n as badRequest, t as AppError } from "./errors_BHtcPHCU.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { i as importUsers, n as validateUserImport } from "./user-input_B3klpGQz.mjs";
import { t as can } from "./permissions_DBoHzJdR.mjs";
import { n as parseCsv } from "./csv_BOSMNlZl.mjs";
import { a as readBodyBytes } from "./http_0lpnW3L4.mjs";
// src/lib/training/hr-import-employees.ts
/** The line of the row holding an email (emails are unique once validated). */
function lineOf(rows, email) {
	return rows.findIndex((r, i) => i > 0 && r[0]?.trim().toLowerCase() === email) + 1;
}
/**
* Imports employees from CSV text (email,name,role,department) with the CLI's validation: every bad
* line is reported and nothing is imported unless all are good. Only an administrator may create
* administrator accounts, so HR cannot hand itself more power than it has. Throws 422 with
* `details.problems` ([{line, message}]); returns the new accounts with their one-time passwords.
*/
async function importEmployees(o) {
	if (!can(o.actor.role, "users.import")) throw forbidden();
	const rows = parseCsv(o.csv);
	const { users, problems } = validateUserImport(rows);
	if (o.actor.role !== "admin") {
		for (const u of users) if (u.role === "admin") problems.push({
			line: lineOf(rows, u.email),
			message: "role: only an administrator may create administrator accounts"
		});
	}
	const fail = (list) => unprocessable("Nothing was imported: fix the lines below and try again", { problems: list.sort((a, b) => a.line - b.line) });
	if (problems.length > 0) throw fail(problems);
	try {
		return await importUsers(o.db, {
			users,
			actorId: o.actor.id
		});
	} catch (err) {
		const taken = err instanceof AppError && err.status === 409 ? err.details?.emails : void 0;
		if (!taken) throw err;
		throw fail(taken.map((email) => ({
			line: lineOf(rows, email),
			message: `email: ${email} already has an account`
		})));
	}
}
// src/pages/hr/_import-form.ts
var MAX_IMPORT_BYTES = 2097152;
/** The CSV text of the /hr/import form: the uploaded file if one was chosen, else the pasted text; must be UTF-8. */
async function readImportForm(request) {
	const type = request.headers.get("content-type") ?? "";
	if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) throw new AppError(415, "Send the form as multipart/form-data");
	const bytes = await readBodyBytes(request, MAX_IMPORT_BYTES);
	let form;
	try {
		form = await new Response(bytes, { headers: { "content-type": type } }).formData();
	} catch {
		throw badRequest("The form could not be read");
	}
	const file = form.get("file");
	let raw = null;
	if (file instanceof File && file.size > 0) raw = new Uint8Array(await file.arrayBuffer());
	if (!raw) return String(form.get("csv") ?? "");
	try {
		return new TextDecoder("utf-8", { fatal: true }).decode(raw);
	} catch {
		throw badRequest("The file is not UTF-8 text: in Excel choose \"CSV UTF-8\" when saving");
	}
}
// src/pages/hr/import.astro
var import_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Import,
	file: () => $$file,
	url: () => $$url
});
createAstro("https://astro.build");
var $$Import = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Import;
	const { locale, user } = Astro.locals;
	const t = translator(locale);
	const { db } = await runtime();
	let created = null;
	let error = null;
	let text = "";
	if (Astro.request.method === "POST") try {
		text = await readImportForm(Astro.request);
		created = await importEmployees({
			db,
			actor: user,
			csv: text
		});
	} catch (err) {
		if (!(err instanceof AppError)) throw err;
		Astro.response.status = err.status;
		const problems = err.details?.problems ?? [];
		error = {
			message: problems.length ? t("hr.import.failed") : err.message,
			problems
		};
	}
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, {
		"title": t("hr.import.title"),
		"wide": true
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t("hr.import.title")}</h1>${renderComponent($$result, "HrNav", $$HrNav, {})}${created && renderTemplate`<section class="card" data-testid="import-result"><p class="alert ok" role="status">${t("hr.import.done", { n: created.length })}</p><p class="alert info">${t("hr.import.passwordsOnce")}</p><div class="table-scroll"><table data-testid="import-passwords"><thead><tr><th>${t("common.email")}</th><th>${t("common.name")}</th><th>${t("hr.import.password")}</th></tr></thead><tbody>${created.map((c) => renderTemplate`<tr><td>${c.email}</td><td>${c.name}</td><td><code>${c.password}</code></td></tr>`)}</tbody></table></div></section>`}${error && renderTemplate`<div class="alert error hr-problems" role="alert" data-testid="import-error"><p>${error.message}</p>${error.problems.length > 0 && renderTemplate`<ul>${error.problems.map((p) => renderTemplate`<li>${t("hr.import.line", {
		line: p.line,
		message: p.message
	})}</li>`)}</ul>`}</div>`}<p class="muted">${t("hr.import.intro")}</p><pre class="hr-sample">email,name,role,department
wang.fang@example.com,王芳,employee,Tax Services
j.smith@example.com,Jo Smith,employee,Records Office</pre><form method="post" enctype="multipart/form-data" class="card" data-testid="import-form"><label for="i-file">${t("hr.import.file")}</label><input id="i-file" name="file" type="file" accept=".csv,text/csv"><label for="i-csv">${t("hr.import.paste")}</label><textarea id="i-csv" name="csv" rows="8" spellcheck="false">${created ? "" : text}</textarea><p class="muted small">${t("hr.import.allOrNothing")}</p><p><button type="submit">${t("hr.import.submit")}</button></p></form>` })}`;
}, "/work/main/src/pages/hr/import.astro", void 0);
var $$file = "/work/main/src/pages/hr/import.astro";
var $$url = "/hr/import";
// \0virtual:astro:page:src/pages/hr/import@_@astro
var page = () => import_exports;
export { page };
