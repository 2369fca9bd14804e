import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, N as addAttribute, T as Fragment, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { a as translator, n as isLocale } from "./i18n_poIUamJY.mjs";
import { t as formatDate } from "./format-when_DrMyiwRk.mjs";
import { i as listChecklists, n as getChecklist } from "./catalog_BsbRxjFx.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
import { n as listAudits, t as startAudit } from "./start-audit_DF6ZQvbs.mjs";
import { t as AppError } from "./errors_BHtcPHCU.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
// src/components/audit/AuditListRows.astro
createAstro("https://astro.build");
var $$AuditListRows = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$AuditListRows;
	const { audits } = Astro.props;
	const { locale } = Astro.locals;
	const t = translator(locale);
	const checklistTitle = (a) => getChecklist(a.checklistSlug, isLocale(a.locale) ? a.locale : "en")?.title ?? a.checklistSlug;
	return renderTemplate`${maybeRenderHead($$result)}<ul class="audit-list">${audits.map((a) => renderTemplate`<li class="audit-row"${addAttribute(`audit-${a.id}`, "data-testid")}><div class="audit-row-main"><a${addAttribute(localePath(locale, `/audits/${a.id}`), "href")} class="audit-row-title">${a.title}</a><div class="muted small">${checklistTitle(a)}${a.site && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` · ${a.site}` })}`}</div><div class="muted small">${a.auditorName} · ${formatDate(locale, a.signedAt ?? a.createdAt)}</div></div><dl class="audit-row-numbers"><div><dt>${t("audit.list.col.score")}</dt><dd data-testid="audit-score">${a.score === null ? "—" : `${a.score}%`}</dd></div><div><dt>${t("audit.list.col.openFindings")}</dt><dd data-testid="audit-open-findings">${a.openFindings}</dd></div><div><dt>${t("audit.list.col.progress")}</dt><dd>${t("audit.list.answered", {
		answered: a.answered,
		total: a.total
	})}</dd></div></dl><span${addAttribute(["badge", a.status], "class:list")}>${t(`audit.status.${a.status}`)}</span></li>`)}</ul>`;
}, "/work/main/src/components/audit/AuditListRows.astro", void 0);
// src/pages/audits/index.astro
var audits_exports = /* @__PURE__ */ __exportAll({
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
	const checklists = listChecklists(locale);
	let error = null;
	const form = {
		checklist: checklists[0]?.slug ?? "",
		title: "",
		site: ""
	};
	if (Astro.request.method === "POST") {
		const data = await Astro.request.formData();
		form.checklist = String(data.get("checklist") ?? "").slice(0, 100);
		form.title = String(data.get("title") ?? "").slice(0, 1e3);
		form.site = String(data.get("site") ?? "").slice(0, 1e3);
		try {
			const { id } = await startAudit(db, {
				checklist: form.checklist,
				title: form.title,
				site: form.site,
				locale,
				actor: user
			});
			return Astro.redirect(localePath(locale, `/audits/${id}`), 303);
		} catch (err) {
			if (!(err instanceof AppError)) throw err;
			Astro.response.status = err.status;
			error = err.message;
		}
	}
	const audits = await listAudits(db, { actor: user });
	const drafts = audits.filter((a) => a.status === "draft");
	const signed = audits.filter((a) => a.status === "signed");
	const itemCount = (c) => c.sections.reduce((n, s) => n + s.items.length, 0);
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, {
		"title": t("audit.list.title"),
		"wide": true
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t("audit.list.title")}</h1><p class="muted">${t("audit.list.intro")}</p><details class="card start-audit"${addAttribute(audits.length === 0 || error !== null, "open")}><summary><strong>${t("audit.list.start")}</strong></summary>${error && renderTemplate`<p class="alert error" role="alert" data-testid="start-error">${error}</p>`}<form method="post" data-testid="start-audit"><label for="checklist">${t("audit.list.checklist")}</label><select id="checklist" name="checklist" required>${checklists.map((c) => renderTemplate`<option${addAttribute(c.slug, "value")}${addAttribute(c.slug === form.checklist, "selected")}>${t("audit.list.checklistOption", {
		title: c.title,
		count: itemCount(c)
	})}</option>`)}</select><label for="title">${t("audit.list.auditTitle")}</label><input id="title" name="title" required maxlength="200"${addAttribute(form.title, "value")}${addAttribute(t("audit.list.auditTitlePlaceholder"), "placeholder")}><label for="site">${t("audit.list.site")}</label><input id="site" name="site" maxlength="200"${addAttribute(form.site, "value")}${addAttribute(t("audit.list.sitePlaceholder"), "placeholder")}><p class="muted small">${t("audit.list.languageNote", { language: t(`lang.${locale}`) })}</p><p><button type="submit">${t("audit.list.startButton")}</button></p></form></details>${audits.length === 0 && renderTemplate`<p class="muted">${t("audit.list.empty")}</p>`}${drafts.length > 0 && renderTemplate`<section data-testid="draft-audits"><h2>${t("audit.list.drafts")}</h2>${renderComponent($$result, "AuditListRows", $$AuditListRows, { "audits": drafts })}</section>`}${signed.length > 0 && renderTemplate`<section data-testid="signed-audits"><h2>${t("audit.list.signed")}</h2>${renderComponent($$result, "AuditListRows", $$AuditListRows, { "audits": signed })}</section>`}` })}`;
}, "/work/main/src/pages/audits/index.astro", void 0);
var $$file = "/work/main/src/pages/audits/index.astro";
var $$url = "/audits";
// \0virtual:astro:page:src/pages/audits/index@_@astro
var page = () => audits_exports;
export { page };
