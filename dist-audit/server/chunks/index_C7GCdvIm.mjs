import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, N as addAttribute, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { n as listDepartments } from "./departments_YiB6cmfZ.mjs";
import { _ as users, d as departments, o as auditLog, t as runtime } from "./runtime_CZkbGW4P.mjs";
import { a as updateUser, r as createUser, t as newUserSchema } from "./user-input_B3klpGQz.mjs";
import { r as roles } from "./permissions_DBoHzJdR.mjs";
import { t as AppError } from "./errors_BHtcPHCU.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
import { n as GENESIS_HASH, r as checkChainSegment } from "./append-log_yLIJX3Fe.mjs";
import { t as config } from "./config_B843mDYI.mjs";
import { t as loadSigningIdentity } from "./signing-identity_Bzi25w-1.mjs";
import { z } from "zod";
import { and, asc, desc, eq, gt, like, lt, or } from "drizzle-orm";
// src/lib/auth/list-users.ts
/** Users with their department names, for administration; never returns password hashes. */
function listUsers(db, o = {}) {
	const filters = [];
	if (o.query) {
		const q = `%${o.query.replace(/[%_]/g, "")}%`;
		filters.push(or(like(users.name, q), like(users.email, q)));
	}
	if (o.departmentId) filters.push(eq(users.departmentId, o.departmentId));
	return db.select({
		id: users.id,
		email: users.email,
		name: users.name,
		role: users.role,
		active: users.active,
		departmentId: users.departmentId,
		department: departments.name
	}).from(users).leftJoin(departments, eq(users.departmentId, departments.id)).where(filters.length ? and(...filters) : void 0).orderBy(asc(users.name)).limit(o.limit ?? 200).offset(o.offset ?? 0);
}
// src/lib/log/list-log.ts
/** The newest audit-log entries with the actor's name, newest first, for the admin page. */
function listLog(db, o = {}) {
	return db.select({
		seq: auditLog.seq,
		at: auditLog.at,
		actorId: auditLog.actorId,
		actorName: users.name,
		action: auditLog.action,
		subjectType: auditLog.subjectType,
		subjectId: auditLog.subjectId
	}).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId)).where(o.before ? lt(auditLog.seq, o.before) : void 0).orderBy(desc(auditLog.seq)).limit(o.limit ?? 50);
}
// src/lib/log/verify-log.ts
/** Walks the whole audit log in pages and reports the first entry that breaks the chain. */
async function verifyLog(db, pageSize = 5e3) {
	let last = {
		seq: 0,
		hash: GENESIS_HASH
	};
	let count = 0;
	for (;;) {
		const rows = await db.select().from(auditLog).where(gt(auditLog.seq, last.seq)).orderBy(asc(auditLog.seq)).limit(pageSize);
		if (rows.length === 0) return {
			ok: true,
			count
		};
		const segment = checkChainSegment(rows, last);
		if (!segment.ok) return {
			ok: false,
			count,
			badSeq: segment.badSeq,
			reason: segment.reason
		};
		count += segment.count;
		last = segment.last;
	}
}
// src/lib/reports/org-signing.ts
/** The signing options of this install: the configured PKCS#12, or the self-signed certificate in the data directory. */
function orgSigningOptions() {
	const c = config();
	return {
		dataDir: c.dataDir,
		organisation: c.organisation,
		p12Path: c.signingP12,
		passphrase: c.signingPassphrase
	};
}
/** The organisation's signing identity (loaded once per process). */
function orgSigningIdentity() {
	return loadSigningIdentity(orgSigningOptions());
}
// src/pages/admin/_admin-form.ts
var adminFormSchema = z.discriminatedUnion("op", [
	z.object({
		op: z.literal("create"),
		name: z.string(),
		email: z.string(),
		role: z.enum(roles),
		department: z.string().optional(),
		password: z.string().max(256)
	}),
	z.object({
		op: z.literal("update"),
		userId: z.string().min(1).max(64),
		role: z.enum(roles),
		department: z.string().max(120).optional()
	}),
	z.object({
		op: z.literal("deactivate"),
		userId: z.string().min(1).max(64)
	}),
	z.object({
		op: z.literal("reactivate"),
		userId: z.string().min(1).max(64)
	}),
	z.object({
		op: z.literal("password"),
		userId: z.string().min(1).max(64),
		password: z.string().max(256)
	})
]);
// src/pages/admin/index.astro
var admin_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
createAstro("https://astro.build");
var $$Index = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Index;
	const { locale, user } = Astro.locals;
	const t = translator(locale);
	const { db } = await runtime();
	const self = localePath(locale, "/admin");
	let error = null;
	if (Astro.request.method === "POST") {
		const parsed = adminFormSchema.safeParse(Object.fromEntries(await Astro.request.formData()));
		try {
			if (!parsed.success) throw new AppError(400, parsed.error.issues[0]?.message ?? "Invalid form");
			const f = parsed.data;
			if (f.op === "create") {
				const u = newUserSchema.safeParse(f);
				if (!u.success) throw new AppError(400, `${String(u.error.issues[0]?.path[0])}: ${u.error.issues[0]?.message}`);
				await createUser(db, {
					user: u.data,
					password: f.password ?? "",
					actorId: user.id
				});
			} else await updateUser(db, {
				userId: f.userId,
				actorId: user.id,
				role: f.op === "update" ? f.role : void 0,
				department: f.op === "update" ? f.department ?? null : void 0,
				active: f.op === "deactivate" ? false : f.op === "reactivate" ? true : void 0,
				password: f.op === "password" ? f.password : void 0
			});
			return Astro.redirect(`${self}?saved=1`, 303);
		} catch (err) {
			if (!(err instanceof AppError)) throw err;
			Astro.response.status = err.status;
			error = err.message;
		}
	}
	const query = Astro.url.searchParams.get("q")?.slice(0, 100) ?? "";
	const [people, depts, log] = await Promise.all([
		listUsers(db, { query }),
		listDepartments(db),
		listLog(db, { limit: 30 })
	]);
	const chain = Astro.url.searchParams.has("verify") ? await verifyLog(db) : null;
	const signing = await orgSigningIdentity();
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, {
		"title": t("admin.title"),
		"wide": true
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t("admin.title")}</h1>${Astro.url.searchParams.has("saved") && !error && renderTemplate`<p class="alert ok" role="status">${t("admin.saved")}</p>`}${error && renderTemplate`<p class="alert error" role="alert" data-testid="admin-error">${error}</p>`}<h2>${t("admin.users")}</h2><form method="get" class="row"><input name="q"${addAttribute(query, "value")}${addAttribute(t("admin.filterUsers"), "placeholder")}${addAttribute(t("admin.filterUsers"), "aria-label")} class="w-20"><button type="submit" class="secondary">${t("common.search")}</button><span class="muted small">${t("admin.userCount", { count: people.length })}</span></form><datalist id="departments">${depts.map((d) => renderTemplate`<option${addAttribute(d.name, "value")}></option>`)}</datalist><div class="table-scroll"><table data-testid="users-table"><thead><tr><th>${t("common.name")}</th><th>${t("common.role")} / ${t("common.department")}</th><th>${t("common.status")}</th><th>${t("admin.resetPassword")}</th></tr></thead><tbody>${people.map((p) => renderTemplate`<tr${addAttribute(p.email, "data-email")}><td><strong>${p.name}</strong><br><span class="muted small">${p.email}</span></td><td><form method="post" class="row"><input type="hidden" name="op" value="update"><input type="hidden" name="userId"${addAttribute(p.id, "value")}><select name="role"${addAttribute(t("admin.changeRole"), "aria-label")} class="w-auto">${roles.map((r) => renderTemplate`<option${addAttribute(r, "value")}${addAttribute(r === p.role, "selected")}>${t(`role.${r}`)}</option>`)}</select><input name="department" list="departments"${addAttribute(p.department ?? "", "value")}${addAttribute(t("admin.changeDepartment"), "aria-label")}${addAttribute(t("common.noDepartment"), "placeholder")} class="w-10"><button type="submit" class="secondary">${t("admin.apply")}</button></form></td><td><span${addAttribute(["badge", p.active ? "ok" : "bad"], "class:list")}>${p.active ? t("admin.active") : t("admin.inactive")}</span>${p.id !== user.id && renderTemplate`<form method="post" class="inline"><input type="hidden" name="op"${addAttribute(p.active ? "deactivate" : "reactivate", "value")}><input type="hidden" name="userId"${addAttribute(p.id, "value")}><button type="submit" class="link">${p.active ? t("admin.deactivate") : t("admin.reactivate")}</button></form>`}</td><td><form method="post" class="row"><input type="hidden" name="op" value="password"><input type="hidden" name="userId"${addAttribute(p.id, "value")}><input type="password" name="password" minlength="12" autocomplete="new-password"${addAttribute(t("admin.newPassword"), "aria-label")}${addAttribute(t("admin.newPassword"), "placeholder")} class="w-12"><button type="submit" class="secondary">${t("admin.resetPassword")}</button></form></td></tr>`)}</tbody></table></div><h2>${t("admin.addUser")}</h2><form method="post" class="card" data-testid="add-user"><input type="hidden" name="op" value="create"><div class="grid"><div><label for="new-name">${t("common.name")}</label><input id="new-name" name="name" required maxlength="120"></div><div><label for="new-email">${t("common.email")}</label><input id="new-email" name="email" type="email" required></div><div><label for="new-role">${t("common.role")}</label><select id="new-role" name="role">${roles.map((r) => renderTemplate`<option${addAttribute(r, "value")}>${t(`role.${r}`)}</option>`)}</select></div><div><label for="new-dept">${t("common.department")}</label><input id="new-dept" name="department" list="departments"></div><div><label for="new-password">${t("admin.initialPassword")}</label><input id="new-password" name="password" type="password" minlength="12" required autocomplete="new-password"></div></div><p><button type="submit">${t("admin.create")}</button></p></form><h2>${t("admin.signing")}</h2><dl class="kv card" data-testid="signing-certificate"><dt>${t("admin.signingSubject")}</dt><dd>${signing.subjectCommonName}</dd><dt>${t("admin.signingFingerprint")}</dt><dd><code class="break">${signing.fingerprintSha256}</code></dd><dt>${t("admin.signingSource")}</dt><dd>${config().signingP12 ? t("admin.signingFromEnv") : t("admin.signingSelfSigned")}</dd></dl><h2>${t("admin.log")}</h2>${chain === null && renderTemplate`<form method="get"><input type="hidden" name="verify" value="1"><button type="submit" class="secondary" data-testid="verify-log">${t("admin.verifyLog")}</button></form>`}${chain?.ok === true && renderTemplate`<p class="alert ok" data-testid="log-status">${t("admin.logIntact", { count: chain.count })}</p>`}${chain?.ok === false && renderTemplate`<p class="alert error" data-testid="log-status">${t("admin.logBroken", {
		seq: chain.badSeq,
		reason: chain.reason
	})}</p>`}<div class="table-scroll"><table><thead><tr><th>#</th><th>${t("admin.logWhen")}</th><th>${t("admin.logWho")}</th><th>${t("admin.logWhat")}</th><th>${t("admin.logSubject")}</th></tr></thead><tbody>${log.map((e) => renderTemplate`<tr><td>${e.seq}</td><td class="small">${new Date(e.at).toISOString().replace("T", " ").slice(0, 19)}</td><td class="small">${e.actorName ?? e.actorId ?? "—"}</td><td><code>${e.action}</code></td><td class="small">${e.subjectType ? `${e.subjectType} ${e.subjectId ?? ""}` : "—"}</td></tr>`)}</tbody></table></div>` })}`;
}, "/work/main/src/pages/admin/index.astro", void 0);
var $$file = "/work/main/src/pages/admin/index.astro";
var $$url = "/admin";
// \0virtual:astro:page:src/pages/admin/index@_@astro
var page = () => admin_exports;
export { page };
