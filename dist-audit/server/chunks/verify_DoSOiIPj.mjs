import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, N as addAttribute, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { n as formatDateTime } from "./format-when_DrMyiwRk.mjs";
import { n as lookUpVerificationCode, r as verifyDocument, t as MAX_VERIFY_BYTES } from "./verify-document_qsCjqQAj.mjs";
import { t as AppError } from "./errors_BHtcPHCU.mjs";
import { o as readFormData } from "./http_0lpnW3L4.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
// src/components/audit/VerifiedDocument.astro
createAstro("https://astro.build");
var $$VerifiedDocument = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$VerifiedDocument;
	const { doc } = Astro.props;
	const { locale } = Astro.locals;
	const t = translator(locale);
	return renderTemplate`${maybeRenderHead($$result)}<dl class="kv"><dt>${t("audit.verify.kind")}</dt><dd data-testid="verified-kind">${t(`audit.verify.kind.${doc.kind}`)}</dd><dt>${t("audit.verify.reference")}</dt><dd><code>${doc.id}</code></dd><dt>${t("audit.verify.signer")}</dt><dd data-testid="verified-signer">${doc.signer}</dd><dt>${t("audit.verify.signedAt")}</dt><dd>${formatDateTime(locale, Date.parse(doc.signedAt))}</dd><dt>${t("audit.verify.code")}</dt><dd><code>${doc.verificationCode}</code></dd><dt>${t("audit.verify.sha256")}</dt><dd><code class="hash">${doc.sha256}</code></dd></dl>`;
}, "/work/main/src/components/audit/VerifiedDocument.astro", void 0);
// src/pages/verify.astro
var verify_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Verify,
	file: () => $$file,
	url: () => $$url
});
createAstro("https://astro.build");
var $$Verify = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Verify;
	const { locale } = Astro.locals;
	const t = translator(locale);
	const { db } = await runtime();
	let result = null;
	let error = null;
	if (Astro.request.method === "POST") {
		try {
			const file = (await readFormData(Astro.request, MAX_VERIFY_BYTES + 65536)).get("file");
			if (!(file instanceof File) || file.size === 0) error = t("audit.verify.noFile");
			else result = await verifyDocument(db, Buffer.from(await file.arrayBuffer()));
		} catch (err) {
			if (!(err instanceof AppError)) throw err;
			error = err.status === 413 ? t("audit.verify.tooLarge") : err.message;
		}
		if (error || result && !result.valid) Astro.response.status = error ? 400 : 422;
	}
	const code = Astro.url.searchParams.get("code")?.slice(0, 40) ?? "";
	const lookup = code ? await lookUpVerificationCode(db, code) : null;
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, { "title": t("audit.verify.title") }, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>${t("audit.verify.title")}</h1><p class="muted">${t("audit.verify.intro")}</p><form method="post" enctype="multipart/form-data" class="card" data-testid="verify-form"><label for="file">${t("audit.verify.file")}</label><input id="file" name="file" type="file" accept="application/pdf,.pdf" required><p><button type="submit">${t("audit.verify.submit")}</button></p></form>${error && renderTemplate`<p class="alert error" role="alert" data-testid="verify-error">${error}</p>`}${result?.valid && renderTemplate`<section class="verify-result valid" role="status" data-testid="verify-result" data-valid="true"><p class="verify-verdict">✓ ${t("audit.verify.valid")}</p>${renderComponent($$result, "VerifiedDocument", $$VerifiedDocument, { "doc": result })}</section>`}${result && !result.valid && renderTemplate`<section class="verify-result invalid" role="alert" data-testid="verify-result" data-valid="false"><p class="verify-verdict">✗ ${t("audit.verify.invalid")}</p><p>${t(`audit.verify.refused.${result.code}`)}</p><dl class="kv small"><dt>${t("audit.verify.sha256")}</dt><dd><code class="hash">${result.sha256}</code></dd></dl></section>`}<h2>${t("audit.verify.codeTitle")}</h2><p class="muted small">${t("audit.verify.codeIntro")}</p><form method="get" class="row"><input name="code"${addAttribute(code, "value")}${addAttribute(t("audit.verify.codeLabel"), "aria-label")} placeholder="ABCD-EFGH-JKLM" class="w-20" autocapitalize="characters"><button type="submit" class="secondary">${t("audit.verify.codeSubmit")}</button></form>${code && lookup && renderTemplate`<section class="card" data-testid="code-result"><p>${t("audit.verify.codeFound")}</p>${renderComponent($$result, "VerifiedDocument", $$VerifiedDocument, { "doc": lookup })}<p class="small muted">${t("audit.verify.codeCompare")}</p></section>`}${code && !lookup && renderTemplate`<p class="alert error" data-testid="code-result">${t("audit.verify.codeNotFound")}</p>`}` })}`;
}, "/work/main/src/pages/verify.astro", void 0);
var $$file = "/work/main/src/pages/verify.astro";
var $$url = "/verify";
// \0virtual:astro:page:src/pages/verify@_@astro
var page = () => verify_exports;
export { page };
