import { A as renderTemplate, N as addAttribute, j as maybeRenderHead } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
// src/components/training/StatusBadge.astro
createAstro("https://astro.build");
var $$StatusBadge = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$StatusBadge;
	const t = translator(Astro.locals.locale);
	return renderTemplate`${maybeRenderHead($$result)}<span${addAttribute(["badge", Astro.props.status], "class:list")} data-testid="course-status"${addAttribute(Astro.props.status, "data-status")}>${t(`training.status.${Astro.props.status}`)}</span>`;
}, "/work/main/src/components/training/StatusBadge.astro", void 0);
export { $$StatusBadge as t };
