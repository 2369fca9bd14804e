import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, N as addAttribute, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { t as AppError } from "./errors_BHtcPHCU.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { t as getQuiz } from "./get-quiz_Dvg-HfM7.mjs";
import { useRef, useState } from "react";
import { jsx, jsxs } from "react/jsx-runtime";
// src/components/training/QuizIsland.tsx
var fill = (template, params) => template.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? `{${k}}`));
function QuizIsland({ questions, passMark, submitUrl, courseUrl, certificateUrl, labels }) {
	const [answers, setAnswers] = useState({});
	const [busy, setBusy] = useState(false);
	const [result, setResult] = useState(null);
	const [error, setError] = useState(null);
	const sent = useRef(false);
	const summary = useRef(null);
	const choose = (q, optionId, checked) => setAnswers((prev) => {
		const current = prev[q.id] ?? [];
		const next = q.type === "multiple" ? checked ? [...current, optionId] : current.filter((id) => id !== optionId) : [optionId];
		return {
			...prev,
			[q.id]: next
		};
	});
	async function submit(event) {
		event.preventDefault();
		if (sent.current) return;
		sent.current = true;
		setBusy(true);
		setError(null);
		try {
			const res = await fetch(submitUrl, {
				method: "POST",
				headers: { "content-type": "application/json" },
				body: JSON.stringify({ answers }),
				credentials: "same-origin"
			});
			const body = await res.json().catch(() => ({}));
			if (res.status !== 201) {
				sent.current = false;
				setError(fill(labels.error, { message: String(body.error ?? res.status) }));
				return;
			}
			setResult(body);
			requestAnimationFrame(() => summary.current?.scrollIntoView({
				behavior: "smooth",
				block: "start"
			}));
		} catch {
			sent.current = false;
			setError(labels.networkError);
		} finally {
			setBusy(false);
		}
	}
	const answeredCount = questions.filter((q) => (answers[q.id] ?? []).length > 0).length;
	const outcome = new Map(result?.results.map((r) => [r.questionId, r]) ?? []);
	const locked = busy || result !== null;
	return /* @__PURE__ */ jsxs("form", {
		className: "quiz",
		onSubmit: submit,
		"data-testid": "quiz-form",
		"data-state": result ? result.passed ? "passed" : "failed" : busy ? "submitting" : "answering",
		children: [
			/* @__PURE__ */ jsx("div", {
				ref: summary,
				"aria-live": "polite",
				children: result && /* @__PURE__ */ jsxs("div", {
					className: `card quiz-result ${result.passed ? "passed" : "failed"}`,
					"data-testid": "quiz-result",
					children: [
						/* @__PURE__ */ jsx("p", {
							className: "quiz-score",
							"data-testid": "quiz-score",
							children: fill(labels.score, { score: result.score })
						}),
						/* @__PURE__ */ jsx("p", { children: result.passed ? labels.passed : fill(labels.failed, { passMark }) }),
						result.completion && !result.completion.created && /* @__PURE__ */ jsx("p", {
							className: "small",
							children: labels.alreadyCompleted
						}),
						/* @__PURE__ */ jsxs("p", {
							className: "row",
							children: [
								result.completion && /* @__PURE__ */ jsx("a", {
									className: "button",
									href: fill(certificateUrl, { id: result.completion.id }),
									download: true,
									"data-testid": "quiz-certificate",
									children: labels.certificate
								}),
								!result.passed && /* @__PURE__ */ jsx("button", {
									type: "button",
									onClick: () => window.location.reload(),
									"data-testid": "try-again",
									children: labels.tryAgain
								}),
								/* @__PURE__ */ jsx("a", {
									className: "button secondary",
									href: courseUrl,
									children: labels.backToCourse
								})
							]
						})
					]
				})
			}),
			error && /* @__PURE__ */ jsx("p", {
				className: "alert error",
				role: "alert",
				"data-testid": "quiz-error",
				children: error
			}),
			/* @__PURE__ */ jsx("ol", {
				className: "quiz-questions",
				children: questions.map((q, i) => {
					const r = outcome.get(q.id);
					return /* @__PURE__ */ jsxs("li", {
						className: `card quiz-question${r ? r.correct ? " is-right" : " is-wrong" : ""}`,
						"data-question": q.id,
						"data-testid": "quiz-question",
						children: [/* @__PURE__ */ jsxs("fieldset", {
							disabled: locked,
							children: [
								/* @__PURE__ */ jsxs("legend", { children: [/* @__PURE__ */ jsx("span", {
									className: "muted small",
									children: fill(labels.question, {
										n: i + 1,
										total: questions.length
									})
								}), /* @__PURE__ */ jsx("span", {
									className: "quiz-prompt",
									children: q.prompt
								})] }),
								/* @__PURE__ */ jsx("p", {
									className: "muted small",
									children: labels[q.type]
								}),
								q.options.map((o) => /* @__PURE__ */ jsxs("label", {
									className: "quiz-option",
									children: [/* @__PURE__ */ jsx("input", {
										type: q.type === "multiple" ? "checkbox" : "radio",
										name: q.id,
										value: o.id,
										checked: (answers[q.id] ?? []).includes(o.id),
										onChange: (e) => choose(q, o.id, e.currentTarget.checked)
									}), /* @__PURE__ */ jsx("span", { children: o.text })]
								}, o.id))
							]
						}), r && /* @__PURE__ */ jsxs("div", {
							className: "quiz-feedback",
							"data-testid": "quiz-feedback",
							"data-correct": r.correct ? "yes" : "no",
							children: [/* @__PURE__ */ jsx("p", {
								className: `badge ${r.correct ? "pass" : "fail"}`,
								children: r.correct ? labels.right : labels.wrong
							}), /* @__PURE__ */ jsx("p", { children: r.explanation })]
						})]
					}, q.id);
				})
			}),
			!result && /* @__PURE__ */ jsxs("div", {
				className: "quiz-submit card",
				children: [/* @__PURE__ */ jsxs("p", {
					className: "small",
					children: [/* @__PURE__ */ jsx("span", {
						"data-testid": "quiz-answered",
						children: fill(labels.answered, {
							answered: answeredCount,
							total: questions.length
						})
					}), answeredCount < questions.length && /* @__PURE__ */ jsxs("span", {
						className: "muted quiz-warn",
						children: [" · ", labels.unansweredWarning]
					})]
				}), /* @__PURE__ */ jsx("button", {
					type: "submit",
					disabled: busy,
					"data-testid": "quiz-submit",
					children: busy ? labels.submitting : labels.submit
				})]
			})
		]
	});
}
// src/pages/training/[course]/quiz.astro
var quiz_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Quiz,
	file: () => $$file,
	url: () => $$url
});
createAstro("https://astro.build");
var $$Quiz = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Quiz;
	const { locale, user } = Astro.locals;
	const t = translator(locale);
	const slug = Astro.params.course ?? "";
	const { db } = await runtime();
	let quiz;
	try {
		quiz = await getQuiz({
			db,
			userId: user.id,
			courseSlug: slug,
			locale
		});
	} catch (err) {
		if (err instanceof AppError && err.status === 404) return new Response(null, { status: 404 });
		throw err;
	}
	const keys = [
		"question",
		"single",
		"multiple",
		"truefalse",
		"answered",
		"unansweredWarning",
		"submit",
		"submitting",
		"score",
		"passed",
		"failed",
		"right",
		"wrong",
		"tryAgain",
		"certificate",
		"backToCourse",
		"error",
		"networkError",
		"alreadyCompleted"
	];
	const raw = (key) => t(`training.quiz.${key}`, {
		n: "{n}",
		total: "{total}",
		answered: "{answered}",
		score: "{score}",
		passMark: "{passMark}",
		message: "{message}"
	});
	const labels = Object.fromEntries(keys.map((k) => [k, raw(k)]));
	const courseUrl = localePath(locale, `/training/${slug}`);
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, { "title": t("training.quiz.title", { course: quiz.title }) }, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<p class="small crumbs"><a${addAttribute(courseUrl, "href")}>← ${quiz.title}</a></p><h1>${t("training.quiz.title", { course: quiz.title })}</h1><p class="muted">${t("training.quiz.intro", {
		count: quiz.questions.length,
		passMark: quiz.passMark
	})}</p>${renderComponent($$result, "QuizIsland", QuizIsland, {
		"client:load": true,
		"questions": quiz.questions,
		"passMark": quiz.passMark,
		"submitUrl": `/api/courses/${slug}/attempts?locale=${locale}`,
		"courseUrl": courseUrl,
		"certificateUrl": "/api/certificates/{id}.pdf",
		"labels": labels,
		"client:component-hydration": "load",
		"client:component-path": "/work/main/src/components/training/QuizIsland.tsx",
		"client:component-export": "default"
	})}` })}`;
}, "/work/main/src/pages/training/[course]/quiz.astro", void 0);
var $$file = "/work/main/src/pages/training/[course]/quiz.astro";
var $$url = "/training/[course]/quiz";
// \0virtual:astro:page:src/pages/training/[course]/quiz@_@astro
var page = () => quiz_exports;
export { page };
