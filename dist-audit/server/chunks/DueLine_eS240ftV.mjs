import { A as renderTemplate, N as addAttribute, j as maybeRenderHead } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { t as formatDay } from "./format-date_DESLAVtA.mjs";
// src/components/training/DueLine.astro
createAstro("https://astro.build");
var $$DueLine = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$DueLine;
	const { course } = Astro.props;
	const { locale } = Astro.locals;
	const t = translator(locale);
	const day = (at) => formatDay(locale, at);
	let text = "";
	if (course.status === "completed") text = `${t("training.completedOn", { date: day(course.completedAt) })} · ${course.expiresAt ? t("training.validUntil", { date: day(course.expiresAt) }) : t("training.noExpiry")}`;
	else if (course.status === "expired" || course.status === "overdue" && course.completedAt) text = t("training.renewBy", { date: day(course.dueAt) });
	else if (course.dueAt) text = t("training.due", { date: day(course.dueAt) });
	else text = t("training.noDueDate");
	return renderTemplate`${maybeRenderHead($$result)}<span${addAttribute(["due-line", { late: course.status === "overdue" }], "class:list")} data-testid="due-line">${text}</span>`;
}, "/work/main/src/components/training/DueLine.astro", void 0);
export { $$DueLine as t };
