import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, N as addAttribute, T as Fragment$2, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { a as translator, i as t, t as catalogKeys } from "./i18n_poIUamJY.mjs";
import { n as formatDateTime, t as formatDate } from "./format-when_DrMyiwRk.mjs";
import { n as signReadiness, r as findingsOf, t as needsNote } from "./sign-readiness_CPvBua7k.mjs";
import { n as scoreAudit, t as ITEM_RESULTS } from "./scoring_CbtWBGzI.mjs";
import "./evidence-type_C2HZv1ZH.mjs";
import { t as getAudit } from "./get-audit_zUA_EvIR.mjs";
import { t as AppError } from "./errors_BHtcPHCU.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { useEffect, useMemo, useRef, useState } from "react";
import { Fragment as Fragment$1, jsx, jsxs } from "react/jsx-runtime";
// src/components/audit/AuditFacts.astro
createAstro("https://astro.build");
var $$AuditFacts = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$AuditFacts;
	const { detail } = Astro.props;
	const { audit, checklist, report, score } = detail;
	const { locale } = Astro.locals;
	const t = translator(locale);
	return renderTemplate`${maybeRenderHead($$result)}<p class="muted">${t("audit.detail.checklist", {
		title: checklist.title,
		version: audit.checklistVersion
	})}</p><dl class="kv audit-facts">${audit.site && renderTemplate`${renderComponent($$result, "Fragment", Fragment$2, {}, { "default": ($$result) => renderTemplate`<dt>${t("audit.detail.site")}</dt><dd>${audit.site}</dd>` })}`}<dt>${t("audit.detail.auditor")}</dt><dd>${audit.auditorName}</dd><dt>${t("audit.detail.started")}</dt><dd>${formatDateTime(locale, audit.createdAt)}</dd>${audit.signedAt && renderTemplate`${renderComponent($$result, "Fragment", Fragment$2, {}, { "default": ($$result) => renderTemplate`<dt>${t("audit.detail.signedAt")}</dt><dd>${formatDateTime(locale, audit.signedAt)}</dd>` })}`}</dl>${audit.status === "signed" && report && renderTemplate`<section class="card signed-card" data-testid="signed-summary"><p class="small muted">${t("audit.detail.signedNotice")}</p><div class="score-card"><div><div class="muted small">${t("audit.detail.score")}</div><div class="score-big" data-testid="signed-score">${score.score === null ? "—" : `${score.score}%`}</div></div><div class="score-side"><div class="muted small">${t("audit.detail.verdict")}</div><span${addAttribute(["badge", `verdict-${score.verdict}`], "class:list")} data-testid="signed-verdict">${t(`audit.verdict.${score.verdict}`)}</span>${score.criticalFails.length > 0 && renderTemplate`<span class="small bad-text">${t("audit.verdict.criticalFailed", { count: score.criticalFails.length })}: ${score.criticalFails.join(", ")}</span>`}</div></div><p><a class="button"${addAttribute(`/api/audits/${audit.id}/report.pdf`, "href")} download data-testid="report-link">${t("audit.detail.download")}</a></p><dl class="kv small"><dt>${t("audit.detail.verificationCode")}</dt><dd><code data-testid="verification-code">${report.verificationCode}</code></dd><dt>${t("audit.detail.reportSha")}</dt><dd><code class="hash" data-testid="report-sha256">${report.sha256}</code></dd></dl>${audit.statement && renderTemplate`<blockquote class="statement-quote"><strong>${t("audit.detail.statement")}</strong><br>${audit.statement}</blockquote>`}${audit.hasDrawnSignature && renderTemplate`<p class="small muted">${t("audit.detail.drawnSignature")}</p>`}</section>`}`;
}, "/work/main/src/components/audit/AuditFacts.astro", void 0);
// src/components/audit/AuditSummary.astro
createAstro("https://astro.build");
var $$AuditSummary = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$AuditSummary;
	const { detail } = Astro.props;
	const { audit, checklist, responses, score, actions } = detail;
	const { locale } = Astro.locals;
	const t = translator(locale);
	const findings = findingsOf(checklist, responses);
	const percent = (s) => s === null ? "—" : `${s}%`;
	const filesOf = (itemId) => detail.evidence.filter((e) => e.itemId === itemId);
	const actionFor = new Map(actions.map((a) => [a.itemId, a]));
	return renderTemplate`${maybeRenderHead($$result)}<h2>${t("audit.detail.sections")}</h2><div class="table-scroll"><table data-testid="section-scores"><thead><tr><th>${t("audit.detail.col.section")}</th><th>${t("audit.detail.col.answered")}</th><th>${t("audit.detail.col.score")}</th></tr></thead><tbody>${score.sections.map((s) => renderTemplate`<tr><td>${s.title}</td><td>${s.answered}/${s.total}</td><td><strong>${percent(s.score)}</strong></td></tr>`)}</tbody></table></div><h2>${t(audit.status === "signed" ? "audit.detail.findingsAndActions" : "audit.detail.findings")}</h2>${findings.length === 0 ? renderTemplate`<p class="muted">${t("audit.detail.noFindings")}</p>` : renderTemplate`<ul class="finding-list"${addAttribute(audit.status === "signed" ? "actions-created" : "findings", "data-testid")}>${findings.map((f) => {
		const action = actionFor.get(f.itemId);
		return renderTemplate`<li class="finding card"><div class="audit-item-head"><span class="audit-item-id">${f.itemId}</span><span${addAttribute(["badge", f.result], "class:list")}>${t(`audit.result.${f.result}`)}</span><span${addAttribute(["badge", f.severity], "class:list")}>${t(`audit.severity.${f.severity}`)}</span></div><p class="finding-text">${f.itemText}</p>${f.note && renderTemplate`<p class="finding-note">${f.note}</p>`}${action && renderTemplate`<p class="finding-action"><span>${t("audit.detail.actionDue", { date: formatDate(locale, action.dueAt) })}</span><span${addAttribute(["badge", action.status], "class:list")}>${t(`audit.actionStatus.${action.status}`)}</span></p>`}</li>`;
	})}</ul>`}<h2>${t("audit.detail.items")}</h2>${checklist.sections.map((section, i) => renderTemplate`<details class="card item-group"><summary><strong>${section.title}</strong><span class="muted small item-group-meta">${score.sections[i].answered}/${score.sections[i].total} · ${percent(score.sections[i].score)}</span></summary><ul class="item-results">${section.items.map((item) => {
		const answer = responses[item.id];
		const files = filesOf(item.id);
		return renderTemplate`<li><span class="audit-item-id">${item.id}</span><span${addAttribute(["badge", answer?.result ?? ""], "class:list")}>${t(`audit.result.${answer?.result ?? "unanswered"}`)}</span><span class="item-results-text">${item.text}</span>${answer?.note && renderTemplate`<span class="small muted item-results-note">${answer.note}</span>`}${files.length > 0 && renderTemplate`<span class="small item-results-note">${files.map((f, i) => renderTemplate`${renderComponent($$result, "Fragment", Fragment$2, {}, { "default": ($$result) => renderTemplate`${i > 0 && ", "}<a${addAttribute(`/api/evidence/${f.id}`, "href")}>${f.fileName}</a>` })}`)}</span>`}</li>`;
	})}</ul></details>`)}`;
}, "/work/main/src/components/audit/AuditSummary.astro", void 0);
// src/components/audit/labels.ts
/** Looks a label up and fills its {placeholders}. */
function fmt(labels, key, params = {}) {
	return (labels[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? `{${name}}`));
}
// src/components/audit/ItemCard.tsx
var SHOWN_AS_IMAGE = /* @__PURE__ */ new Set([
	"image/jpeg",
	"image/png",
	"image/webp"
]);
function ItemCard(p) {
	const cameraInput = useRef(null);
	const fileInput = useRef(null);
	const picked = (e) => {
		const file = e.target.files?.[0];
		if (file) p.onUpload(file);
		e.target.value = "";
	};
	const { item, labels } = p;
	const noteMissing = p.result !== void 0 && needsNote(item.evidence, p.result) && p.note.trim() === "";
	return /* @__PURE__ */ jsxs("article", {
		className: "audit-item card",
		id: `item-${item.id}`,
		"data-testid": `item-${item.id}`,
		"data-result": p.result ?? "",
		children: [
			/* @__PURE__ */ jsxs("div", {
				className: "audit-item-head",
				children: [
					/* @__PURE__ */ jsx("span", {
						className: "audit-item-id",
						children: item.id
					}),
					/* @__PURE__ */ jsx("span", {
						className: `badge ${item.severity}`,
						children: labels[`audit.severity.${item.severity}`]
					}),
					item.evidence !== "none" && /* @__PURE__ */ jsx("span", {
						className: `badge ${item.evidence === "required" ? "evidence-required" : ""}`,
						children: labels[`audit.evidence.${item.evidence}`]
					})
				]
			}),
			/* @__PURE__ */ jsx("p", {
				className: "audit-item-text",
				children: item.text
			}),
			/* @__PURE__ */ jsxs("details", {
				className: "audit-guidance",
				children: [/* @__PURE__ */ jsx("summary", { children: labels["audit.island.guidance"] }), /* @__PURE__ */ jsx("p", { children: item.guidance })]
			}),
			/* @__PURE__ */ jsx("div", {
				className: "result-buttons",
				role: "group",
				"aria-label": fmt(labels, "audit.island.resultGroup", { id: item.id }),
				children: ITEM_RESULTS.map((r) => /* @__PURE__ */ jsx("button", {
					type: "button",
					className: `result-button ${r}`,
					"aria-pressed": p.result === r,
					disabled: p.disabled,
					onClick: () => p.onResult(r),
					children: labels[`audit.result.${r}`]
				}, r))
			}),
			/* @__PURE__ */ jsx("label", {
				htmlFor: `note-${item.id}`,
				className: "small",
				children: labels["audit.island.note"]
			}),
			/* @__PURE__ */ jsx("textarea", {
				id: `note-${item.id}`,
				rows: 2,
				maxLength: 4e3,
				value: p.note,
				disabled: p.disabled,
				placeholder: labels["audit.island.notePlaceholder"],
				"aria-invalid": noteMissing || void 0,
				onChange: (e) => p.onNote(e.target.value, false),
				onBlur: (e) => p.onNote(e.target.value, true)
			}),
			noteMissing && /* @__PURE__ */ jsx("p", {
				className: "field-hint bad",
				children: labels["audit.island.noteRequired"]
			}),
			p.result === void 0 && p.note.trim() !== "" && /* @__PURE__ */ jsx("p", {
				className: "field-hint",
				children: labels["audit.island.noteNeedsResult"]
			}),
			item.evidence !== "none" && /* @__PURE__ */ jsxs("div", {
				className: "audit-evidence",
				children: [
					p.files.length > 0 && /* @__PURE__ */ jsx("ul", {
						className: "evidence-list",
						children: p.files.map((f) => /* @__PURE__ */ jsx("li", { children: /* @__PURE__ */ jsxs("a", {
							href: `/api/evidence/${f.id}`,
							target: "_blank",
							rel: "noopener",
							children: [SHOWN_AS_IMAGE.has(f.mimeType) ? /* @__PURE__ */ jsx("img", {
								src: `/api/evidence/${f.id}`,
								alt: f.fileName,
								loading: "lazy"
							}) : /* @__PURE__ */ jsx("span", {
								className: "evidence-file",
								children: "PDF"
							}), /* @__PURE__ */ jsx("span", {
								className: "evidence-name",
								children: f.fileName
							})]
						}) }, f.id))
					}),
					p.uploads.map((u) => /* @__PURE__ */ jsxs("p", {
						className: `field-hint ${u.status === "failed" ? "bad" : ""}`,
						role: u.status === "failed" ? "alert" : "status",
						children: [u.status === "uploading" ? fmt(labels, "audit.island.uploading", { name: u.file.name }) : fmt(labels, "audit.island.uploadFailed", {
							name: u.file.name,
							error: u.error ?? ""
						}), u.status === "failed" && /* @__PURE__ */ jsxs(Fragment$1, { children: [
							" ",
							/* @__PURE__ */ jsx("button", {
								type: "button",
								className: "link",
								onClick: () => p.onRetryUpload(u),
								children: labels["audit.island.retry"]
							}),
							" ",
							/* @__PURE__ */ jsx("button", {
								type: "button",
								className: "link",
								onClick: () => p.onDismissUpload(u),
								children: labels["audit.island.dismiss"]
							})
						] })]
					}, u.key)),
					/* @__PURE__ */ jsx("input", {
						ref: cameraInput,
						className: "visually-hidden",
						tabIndex: -1,
						type: "file",
						accept: "image/*,application/pdf",
						capture: "environment",
						disabled: p.disabled,
						"data-testid": `camera-${item.id}`,
						onChange: picked
					}),
					/* @__PURE__ */ jsx("input", {
						ref: fileInput,
						className: "visually-hidden",
						tabIndex: -1,
						type: "file",
						accept: "image/*,application/pdf",
						disabled: p.disabled,
						"data-testid": `file-${item.id}`,
						onChange: picked
					}),
					/* @__PURE__ */ jsxs("div", {
						className: "evidence-buttons",
						children: [/* @__PURE__ */ jsx("button", {
							type: "button",
							className: "secondary",
							disabled: p.disabled,
							onClick: () => cameraInput.current?.click(),
							children: labels["audit.island.takePhoto"]
						}), /* @__PURE__ */ jsx("button", {
							type: "button",
							className: "secondary",
							disabled: p.disabled,
							onClick: () => fileInput.current?.click(),
							children: labels["audit.island.chooseFile"]
						})]
					})
				]
			})
		]
	});
}
// src/components/audit/SaveBar.tsx
function SaveBar({ state, answered, total, score, labels, onRetry, onDismiss }) {
	const phase = state.locked ? "locked" : state.offline ? "offline" : state.pending > 0 || state.saving ? "saving" : "saved";
	const text = phase === "locked" ? labels["audit.island.locked"] : phase === "offline" ? fmt(labels, "audit.island.offline", { count: state.pending }) : phase === "saving" ? state.pending > 0 ? fmt(labels, "audit.island.unsaved", { count: state.pending }) : labels["audit.island.saving"] : labels["audit.island.saved"];
	return /* @__PURE__ */ jsxs("div", {
		className: `save-bar ${phase}`,
		"data-testid": "save-status",
		"data-state": phase,
		children: [/* @__PURE__ */ jsxs("div", {
			className: "save-bar-inner",
			children: [/* @__PURE__ */ jsxs("span", {
				className: "save-text",
				role: "status",
				"aria-live": "polite",
				children: [
					/* @__PURE__ */ jsx("span", {
						className: "save-dot",
						"aria-hidden": "true"
					}),
					text,
					phase === "offline" && /* @__PURE__ */ jsxs(Fragment$1, { children: [" ", /* @__PURE__ */ jsx("button", {
						type: "button",
						className: "link",
						onClick: onRetry,
						children: labels["audit.island.retryNow"]
					})] })
				]
			}), /* @__PURE__ */ jsxs("span", {
				className: "save-progress",
				children: [
					fmt(labels, "audit.island.answeredOf", {
						answered,
						total
					}),
					" · ",
					labels["audit.island.score"],
					" ",
					score === null ? labels["audit.island.noScore"] : `${score}%`
				]
			})]
		}), state.refused.length > 0 && /* @__PURE__ */ jsxs("div", {
			className: "save-refused",
			role: "alert",
			children: [state.refused.map((r, i) => /* @__PURE__ */ jsx("p", { children: fmt(labels, "audit.island.refused", {
				id: r.itemId,
				error: r.error
			}) }, i)), /* @__PURE__ */ jsx("button", {
				type: "button",
				className: "link",
				onClick: onDismiss,
				children: labels["audit.island.dismiss"]
			})]
		})]
	});
}
// src/components/audit/save-queue.ts
var MAX_BACKOFF_MS = 3e4;
var SaveQueue = class {
	#auditId;
	#onChange;
	#pending = /* @__PURE__ */ new Map();
	#flushing = false;
	#timer;
	#backoff = 0;
	#state = {
		pending: 0,
		saving: false,
		offline: false,
		locked: false,
		refused: []
	};
	constructor(o) {
		this.#auditId = o.auditId;
		this.#onChange = o.onChange;
		try {
			const stored = JSON.parse(localStorage.getItem(this.#key()) ?? "{}");
			for (const [itemId, answer] of Object.entries(stored)) this.#pending.set(itemId, answer);
		} catch {}
		this.#emit({});
	}
	/** Answers saved on this device but not yet on the server (from an earlier visit, say). */
	pendingAnswers() {
		return Object.fromEntries(this.#pending);
	}
	/** Queues the newest answer for an item; `delayMs` lets typing settle before a note is sent. */
	set(itemId, answer, delayMs = 0) {
		if (this.#state.locked) return;
		this.#pending.set(itemId, answer);
		this.#persist();
		this.#emit({});
		if (!this.#state.offline) this.#schedule(delayMs);
	}
	/** Tries again now (the retry button, the browser's online event). */
	retryNow() {
		this.#backoff = 0;
		this.#schedule(0);
	}
	/** Forgets refusal messages once read. */
	dismissRefusals() {
		this.#emit({ refused: [] });
	}
	#key() {
		return `lms-audit-pending:${this.#auditId}`;
	}
	#persist() {
		try {
			if (this.#pending.size === 0) localStorage.removeItem(this.#key());
			else localStorage.setItem(this.#key(), JSON.stringify(Object.fromEntries(this.#pending)));
		} catch {}
	}
	#emit(change) {
		this.#state = {
			...this.#state,
			...change,
			pending: this.#pending.size
		};
		this.#onChange(this.#state);
	}
	#schedule(ms) {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.#flush(), ms);
	}
	#retryLater() {
		this.#backoff = Math.min(MAX_BACKOFF_MS, this.#backoff ? this.#backoff * 2 : 1e3);
		this.#emit({ offline: true });
		this.#schedule(this.#backoff);
	}
	async #flush() {
		if (this.#flushing) return;
		this.#flushing = true;
		this.#emit({ saving: true });
		try {
			while (this.#pending.size > 0 && !this.#state.locked) {
				const [itemId, answer] = this.#pending.entries().next().value;
				let res;
				try {
					res = await fetch(`/api/audits/${encodeURIComponent(this.#auditId)}/responses/${encodeURIComponent(itemId)}`, {
						method: "PUT",
						headers: { "content-type": "application/json" },
						body: JSON.stringify(answer)
					});
				} catch {
					return this.#retryLater();
				}
				if (res.status === 409) return this.#emit({
					locked: true,
					offline: false
				});
				if (res.status >= 500 || res.status === 401 || res.status === 408 || res.status === 429) return this.#retryLater();
				if (this.#pending.get(itemId) === answer) this.#pending.delete(itemId);
				if (!res.ok) {
					const error = (await res.json().catch(() => ({}))).error ?? `HTTP ${res.status}`;
					this.#emit({ refused: [...this.#state.refused, {
						itemId,
						error
					}] });
				}
				this.#backoff = 0;
				this.#persist();
				this.#emit({ offline: false });
			}
		} finally {
			this.#flushing = false;
			this.#emit({ saving: false });
		}
	}
};
// src/components/audit/SectionList.tsx
function SectionList({ sections, overall, labels }) {
	const percent = (score) => score === null ? labels["audit.island.noScore"] : `${score}%`;
	return /* @__PURE__ */ jsxs(Fragment$1, { children: [
		/* @__PURE__ */ jsxs("div", {
			className: "card score-card",
			"data-testid": "overall-score",
			children: [/* @__PURE__ */ jsxs("div", { children: [/* @__PURE__ */ jsx("div", {
				className: "muted small",
				children: labels["audit.island.overall"]
			}), /* @__PURE__ */ jsx("div", {
				className: "score-big",
				children: percent(overall.score)
			})] }), /* @__PURE__ */ jsxs("div", {
				className: "score-side",
				children: [
					/* @__PURE__ */ jsx("span", {
						className: `badge verdict-${overall.verdict}`,
						children: labels[`audit.verdict.${overall.verdict}`]
					}),
					overall.criticalFails.length > 0 && /* @__PURE__ */ jsx("div", {
						className: "small bad-text",
						children: fmt(labels, "audit.verdict.criticalFailed", { count: overall.criticalFails.length })
					}),
					/* @__PURE__ */ jsx("progress", {
						max: overall.total,
						value: overall.answered
					}),
					/* @__PURE__ */ jsx("div", {
						className: "small muted",
						children: fmt(labels, "audit.island.answeredOf", {
							answered: overall.answered,
							total: overall.total
						})
					})
				]
			})]
		}),
		/* @__PURE__ */ jsx("h2", { children: labels["audit.island.sections"] }),
		/* @__PURE__ */ jsxs("ol", {
			className: "section-list",
			children: [sections.map((s, i) => /* @__PURE__ */ jsx("li", { children: /* @__PURE__ */ jsxs("a", {
				href: `#section-${s.id}`,
				className: `section-link ${s.answered === s.total ? "complete" : ""}`,
				"data-testid": `section-${s.id}`,
				children: [
					/* @__PURE__ */ jsxs("span", {
						className: "section-name",
						children: [
							i + 1,
							". ",
							s.title
						]
					}),
					/* @__PURE__ */ jsxs("span", {
						className: "section-meta",
						children: [/* @__PURE__ */ jsxs("span", { children: [
							s.answered,
							"/",
							s.total
						] }), /* @__PURE__ */ jsx("strong", { children: percent(s.score) })]
					}),
					/* @__PURE__ */ jsx("progress", {
						max: s.total,
						value: s.answered
					})
				]
			}) }, s.id)), /* @__PURE__ */ jsx("li", { children: /* @__PURE__ */ jsx("a", {
				href: "#sign",
				className: "section-link sign-link",
				"data-testid": "go-sign",
				children: /* @__PURE__ */ jsxs("span", {
					className: "section-name",
					children: [labels["audit.island.signSection"], " ›"]
				})
			}) })]
		}),
		/* @__PURE__ */ jsxs("div", {
			className: "formula small",
			"data-testid": "score-formula",
			children: [
				/* @__PURE__ */ jsx("strong", { children: labels["audit.formula.title"] }),
				/* @__PURE__ */ jsx("p", { children: labels["audit.formula.body"] }),
				/* @__PURE__ */ jsx("p", { children: labels["audit.formula.verdict"] })
			]
		})
	] });
}
// src/components/audit/SignaturePad.tsx
var WIDTH = 600;
var HEIGHT = 200;
function SignaturePad({ label, clearLabel, disabled, onChange }) {
	const canvas = useRef(null);
	const drawing = useRef(null);
	const inked = useRef(false);
	useEffect(() => {
		const ctx = canvas.current?.getContext("2d");
		if (!ctx) return;
		ctx.lineWidth = 3;
		ctx.lineCap = "round";
		ctx.lineJoin = "round";
		ctx.strokeStyle = "#0f172a";
	}, []);
	const point = (e) => {
		const box = e.currentTarget.getBoundingClientRect();
		return {
			x: (e.clientX - box.left) / box.width * WIDTH,
			y: (e.clientY - box.top) / box.height * HEIGHT
		};
	};
	const stroke = (from, to) => {
		const ctx = canvas.current.getContext("2d");
		ctx.beginPath();
		ctx.moveTo(from.x, from.y);
		ctx.lineTo(to.x + (from.x === to.x && from.y === to.y ? .1 : 0), to.y);
		ctx.stroke();
		inked.current = true;
	};
	const finish = () => {
		if (!drawing.current) return;
		drawing.current = null;
		if (inked.current) onChange(canvas.current.toDataURL("image/png"));
	};
	const clear = () => {
		canvas.current.getContext("2d").clearRect(0, 0, WIDTH, HEIGHT);
		inked.current = false;
		onChange(null);
	};
	return /* @__PURE__ */ jsxs("div", {
		className: "sigpad",
		children: [/* @__PURE__ */ jsx("canvas", {
			ref: canvas,
			width: WIDTH,
			height: HEIGHT,
			role: "img",
			"aria-label": label,
			"data-testid": "signature-pad",
			onPointerDown: (e) => {
				if (disabled) return;
				e.currentTarget.setPointerCapture(e.pointerId);
				drawing.current = point(e);
				stroke(drawing.current, drawing.current);
			},
			onPointerMove: (e) => {
				if (!drawing.current) return;
				const next = point(e);
				stroke(drawing.current, next);
				drawing.current = next;
			},
			onPointerUp: finish,
			onPointerCancel: finish
		}), /* @__PURE__ */ jsx("button", {
			type: "button",
			className: "link",
			onClick: clear,
			disabled,
			children: clearLabel
		})]
	});
}
// src/components/audit/SignPanel.tsx
var SHOWN_IDS = 12;
function SignPanel(p) {
	const { labels, readiness } = p;
	const [password, setPassword] = useState("");
	const [agreed, setAgreed] = useState(false);
	const [signature, setSignature] = useState(null);
	const [busy, setBusy] = useState(false);
	const [message, setMessage] = useState(null);
	const blocked = !readiness.ready || p.unsaved || !p.canSign;
	async function sign(e) {
		e.preventDefault();
		setBusy(true);
		setMessage(null);
		try {
			const res = await fetch(`/api/audits/${encodeURIComponent(p.auditId)}/sign`, {
				method: "POST",
				headers: { "content-type": "application/json" },
				body: JSON.stringify({
					password,
					...signature ? { signature } : {}
				})
			});
			const body = await res.json().catch(() => ({}));
			if (res.ok) {
				setMessage({
					text: labels["audit.island.signedReloading"],
					ok: true
				});
				return p.onSigned(body.pageUrl ?? window.location.pathname);
			}
			setMessage({ text: res.status === 401 ? labels["audit.island.wrongPassword"] : fmt(labels, "audit.island.signFailed", { error: body.error ?? `HTTP ${res.status}` }) });
			if (res.status === 409) p.onSigned(window.location.pathname);
		} catch {
			setMessage({ text: fmt(labels, "audit.island.signFailed", { error: labels["audit.island.uploadOffline"] }) });
		} finally {
			setBusy(false);
		}
	}
	const idLinks = (ids) => /* @__PURE__ */ jsxs("span", {
		className: "id-links",
		children: [ids.slice(0, SHOWN_IDS).map((id) => /* @__PURE__ */ jsx("button", {
			type: "button",
			className: "link",
			onClick: () => p.onGoToItem(id),
			children: id
		}, id)), ids.length > SHOWN_IDS && /* @__PURE__ */ jsx("span", {
			className: "muted",
			children: " …"
		})]
	});
	return /* @__PURE__ */ jsxs("section", {
		className: "sign-panel card",
		"aria-labelledby": "sign-title",
		"data-testid": "sign-panel",
		children: [
			/* @__PURE__ */ jsx("h2", {
				id: "sign-title",
				children: labels["audit.island.signSection"]
			}),
			readiness.ready ? /* @__PURE__ */ jsx("p", {
				className: "alert ok",
				children: labels["audit.island.ready"]
			}) : /* @__PURE__ */ jsxs("div", {
				className: "alert info",
				"data-testid": "sign-blockers",
				children: [
					/* @__PURE__ */ jsx("p", { children: /* @__PURE__ */ jsx("strong", { children: labels["audit.island.notReady"] }) }),
					readiness.unanswered.length > 0 && /* @__PURE__ */ jsxs("p", { children: [
						fmt(labels, "audit.island.unanswered", { count: readiness.unanswered.length }),
						": ",
						idLinks(readiness.unanswered)
					] }),
					readiness.missingNotes.length > 0 && /* @__PURE__ */ jsxs("p", { children: [
						fmt(labels, "audit.island.missingNotes", { count: readiness.missingNotes.length }),
						": ",
						idLinks(readiness.missingNotes)
					] })
				]
			}),
			p.unsaved && /* @__PURE__ */ jsx("p", {
				className: "alert info",
				children: labels["audit.island.waitForSave"]
			}),
			!p.canSign && /* @__PURE__ */ jsx("p", {
				className: "alert info",
				children: labels["audit.island.notYourAudit"]
			}),
			/* @__PURE__ */ jsxs("form", {
				onSubmit: sign,
				children: [
					/* @__PURE__ */ jsx("label", {
						htmlFor: "sign-password",
						children: labels["audit.island.password"]
					}),
					/* @__PURE__ */ jsx("input", {
						id: "sign-password",
						type: "password",
						autoComplete: "current-password",
						required: true,
						value: password,
						onChange: (e) => setPassword(e.target.value),
						disabled: busy
					}),
					/* @__PURE__ */ jsxs("label", {
						className: "statement",
						children: [/* @__PURE__ */ jsx("input", {
							type: "checkbox",
							checked: agreed,
							onChange: (e) => setAgreed(e.target.checked),
							disabled: busy,
							"data-testid": "sign-statement"
						}), /* @__PURE__ */ jsxs("span", { children: [
							/* @__PURE__ */ jsx("strong", { children: labels["audit.island.statementLabel"] }),
							/* @__PURE__ */ jsx("br", {}),
							p.statement
						] })]
					}),
					/* @__PURE__ */ jsx("p", {
						className: "field-label",
						children: labels["audit.island.signature"]
					}),
					/* @__PURE__ */ jsx(SignaturePad, {
						label: labels["audit.island.signatureCanvas"],
						clearLabel: labels["audit.island.clearSignature"],
						disabled: busy,
						onChange: setSignature
					}),
					/* @__PURE__ */ jsx("p", {
						className: "muted small",
						children: labels["audit.island.lockWarning"]
					}),
					message && /* @__PURE__ */ jsx("p", {
						className: `alert ${message.ok ? "ok" : "error"}`,
						role: "alert",
						"data-testid": "sign-message",
						children: message.text
					}),
					/* @__PURE__ */ jsx("button", {
						type: "submit",
						className: "sign-button",
						disabled: blocked || !agreed || !password || busy,
						children: busy ? labels["audit.island.signing"] : labels["audit.island.signButton"]
					})
				]
			})
		]
	});
}
// src/components/audit/ChecklistIsland.tsx
function viewFromHash(hash, sections) {
	if (hash === "#sign") return { kind: "sign" };
	const index = sections.findIndex((s) => hash === `#section-${s.id}`);
	return index >= 0 ? {
		kind: "section",
		index
	} : { kind: "overview" };
}
function ChecklistIsland(p) {
	const { labels, sections } = p;
	const [answers, setAnswers] = useState(p.responses);
	const answersRef = useRef(p.responses);
	const [noteDrafts, setNoteDrafts] = useState({});
	const [files, setFiles] = useState(p.evidence);
	const [uploads, setUploads] = useState([]);
	const [save, setSave] = useState({
		pending: 0,
		saving: false,
		offline: false,
		locked: false,
		refused: []
	});
	const [view, setView] = useState({ kind: "overview" });
	const queue = useRef(null);
	const scrollTo = useRef(null);
	useEffect(() => {
		const q = new SaveQueue({
			auditId: p.auditId,
			onChange: setSave
		});
		queue.current = q;
		const stored = q.pendingAnswers();
		if (Object.keys(stored).length > 0) {
			answersRef.current = {
				...answersRef.current,
				...stored
			};
			setAnswers(answersRef.current);
			q.retryNow();
		}
		const onHash = () => setView(viewFromHash(window.location.hash, sections));
		const onOnline = () => q.retryNow();
		const onLeave = (e) => {
			if (q.pendingAnswers() && Object.keys(q.pendingAnswers()).length > 0) e.preventDefault();
		};
		onHash();
		window.addEventListener("hashchange", onHash);
		window.addEventListener("online", onOnline);
		window.addEventListener("beforeunload", onLeave);
		return () => {
			window.removeEventListener("hashchange", onHash);
			window.removeEventListener("online", onOnline);
			window.removeEventListener("beforeunload", onLeave);
		};
	}, []);
	useEffect(() => {
		const target = scrollTo.current && document.getElementById(`item-${scrollTo.current}`);
		scrollTo.current = null;
		if (target) target.scrollIntoView({ block: "start" });
		else window.scrollTo(0, 0);
	}, [view]);
	const score = useMemo(() => scoreAudit({ sections }, Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, a.result]))), [answers, sections]);
	const readiness = useMemo(() => signReadiness({ sections }, answers), [answers, sections]);
	const locked = save.locked;
	function put(itemId, answer, delayMs = 0) {
		answersRef.current = {
			...answersRef.current,
			[itemId]: answer
		};
		setAnswers(answersRef.current);
		queue.current?.set(itemId, answer, delayMs);
	}
	const setResult = (itemId, result) => put(itemId, {
		result,
		note: answersRef.current[itemId]?.note ?? noteDrafts[itemId] ?? ""
	});
	const setNote = (itemId, note, settled) => {
		const current = answersRef.current[itemId];
		if (!current) return setNoteDrafts((d) => ({
			...d,
			[itemId]: note
		}));
		if (current.note !== note) put(itemId, {
			result: current.result,
			note
		}, 800);
		if (settled) queue.current?.retryNow();
	};
	async function upload(itemId, file, key = `${Date.now()}-${Math.random()}`) {
		const failed = (error) => setUploads((u) => u.map((x) => x.key === key ? {
			...x,
			status: "failed",
			error
		} : x));
		setUploads((u) => [...u.filter((x) => x.key !== key), {
			key,
			itemId,
			file,
			status: "uploading"
		}]);
		if (file.size > 10485760) return failed(labels["audit.island.tooLarge"]);
		const form = new FormData();
		form.append("itemId", itemId);
		form.append("file", file, file.name);
		try {
			const res = await fetch(`/api/audits/${encodeURIComponent(p.auditId)}/evidence`, {
				method: "POST",
				body: form
			});
			const body = await res.json().catch(() => ({}));
			if (!res.ok) return failed(body.error ?? `HTTP ${res.status}`);
			setFiles((f) => [...f, body]);
			setUploads((u) => u.filter((x) => x.key !== key));
		} catch {
			failed(labels["audit.island.uploadOffline"]);
		}
	}
	function goToItem(itemId) {
		const section = sections.find((s) => s.items.some((i) => i.id === itemId));
		if (!section) return;
		scrollTo.current = itemId;
		if (window.location.hash === `#section-${section.id}`) document.getElementById(`item-${itemId}`)?.scrollIntoView({ block: "start" });
		else window.location.hash = `section-${section.id}`;
	}
	const bar = /* @__PURE__ */ jsx(SaveBar, {
		state: save,
		answered: score.answered,
		total: score.total,
		score: score.score,
		labels,
		onRetry: () => queue.current?.retryNow(),
		onDismiss: () => queue.current?.dismissRefusals()
	});
	if (view.kind === "sign") return /* @__PURE__ */ jsxs("div", {
		className: "audit-island",
		children: [
			bar,
			/* @__PURE__ */ jsx("p", { children: /* @__PURE__ */ jsxs("a", {
				href: "#overview",
				children: ["‹ ", labels["audit.island.allSections"]]
			}) }),
			/* @__PURE__ */ jsx(SignPanel, {
				auditId: p.auditId,
				readiness,
				unsaved: save.pending > 0,
				canSign: p.canSign && !locked,
				statement: p.statement,
				labels,
				onGoToItem: goToItem,
				onSigned: (url) => window.location.assign(url)
			})
		]
	});
	if (view.kind === "overview") return /* @__PURE__ */ jsxs("div", {
		className: "audit-island",
		children: [bar, /* @__PURE__ */ jsx(SectionList, {
			sections: score.sections,
			overall: score,
			labels
		})]
	});
	const section = sections[view.index];
	const sectionScore = score.sections[view.index];
	const next = sections[view.index + 1];
	const previous = sections[view.index - 1];
	return /* @__PURE__ */ jsxs("div", {
		className: "audit-island",
		children: [
			bar,
			/* @__PURE__ */ jsxs("nav", {
				className: "section-top",
				"aria-label": labels["audit.island.sections"],
				children: [/* @__PURE__ */ jsxs("a", {
					href: "#overview",
					children: ["‹ ", labels["audit.island.allSections"]]
				}), /* @__PURE__ */ jsx("select", {
					"aria-label": labels["audit.island.sections"],
					value: section.id,
					onChange: (e) => window.location.hash = `section-${e.target.value}`,
					children: sections.map((s, i) => /* @__PURE__ */ jsxs("option", {
						value: s.id,
						children: [
							i + 1,
							". ",
							s.title
						]
					}, s.id))
				})]
			}),
			/* @__PURE__ */ jsx("p", {
				className: "muted small",
				children: fmt(labels, "audit.island.sectionOf", {
					n: view.index + 1,
					total: sections.length
				})
			}),
			/* @__PURE__ */ jsx("h2", {
				className: "section-heading",
				children: section.title
			}),
			/* @__PURE__ */ jsxs("div", {
				className: "section-summary",
				children: [
					/* @__PURE__ */ jsx("progress", {
						max: sectionScore.total,
						value: sectionScore.answered
					}),
					/* @__PURE__ */ jsx("span", { children: fmt(labels, "audit.island.answeredOf", {
						answered: sectionScore.answered,
						total: sectionScore.total
					}) }),
					/* @__PURE__ */ jsxs("span", { children: [
						labels["audit.island.score"],
						" ",
						/* @__PURE__ */ jsx("strong", { children: sectionScore.score === null ? labels["audit.island.noScore"] : `${sectionScore.score}%` })
					] })
				]
			}),
			section.items.map((item) => /* @__PURE__ */ jsx(ItemCard, {
				item,
				result: answers[item.id]?.result,
				note: answers[item.id]?.note ?? noteDrafts[item.id] ?? "",
				files: files.filter((f) => f.itemId === item.id),
				uploads: uploads.filter((u) => u.itemId === item.id),
				disabled: locked,
				labels,
				onResult: (r) => setResult(item.id, r),
				onNote: (n, settled) => setNote(item.id, n, settled),
				onUpload: (f) => void upload(item.id, f),
				onRetryUpload: (u) => void upload(u.itemId, u.file, u.key),
				onDismissUpload: (u) => setUploads((all) => all.filter((x) => x.key !== u.key))
			}, item.id)),
			/* @__PURE__ */ jsxs("nav", {
				className: "pager",
				children: [previous ? /* @__PURE__ */ jsxs("a", {
					className: "button secondary",
					href: `#section-${previous.id}`,
					children: ["‹ ", labels["audit.island.previous"]]
				}) : /* @__PURE__ */ jsxs("a", {
					className: "button secondary",
					href: "#overview",
					children: ["‹ ", labels["audit.island.allSections"]]
				}), next ? /* @__PURE__ */ jsxs("a", {
					className: "button",
					href: `#section-${next.id}`,
					children: [labels["audit.island.next"], " ›"]
				}) : /* @__PURE__ */ jsxs("a", {
					className: "button",
					href: "#sign",
					children: [labels["audit.island.signSection"], " ›"]
				})]
			})
		]
	});
}
// src/pages/audits/[id].astro
var _id__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Id,
	file: () => $$file,
	url: () => $$url
});
createAstro("https://astro.build");
var $$Id = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Id;
	const { locale, user } = Astro.locals;
	const t$1 = translator(locale);
	const { db } = await runtime();
	let detail;
	try {
		detail = await getAudit(db, {
			auditId: Astro.params.id ?? "",
			actor: user
		});
	} catch (err) {
		if (err instanceof AppError && err.status === 404) return Astro.rewrite("/404");
		throw err;
	}
	const { audit, checklist } = detail;
	const labels = Object.fromEntries(catalogKeys(locale).filter((k) => k.startsWith("audit.")).map((k) => [k, t(locale, k)]));
	const statement = t(checklist.locale, "audit.sign.statementText");
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, {
		"title": audit.title,
		"wide": audit.status === "signed"
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<div class="audit-head"><h1>${audit.title}</h1><span${addAttribute(["badge", audit.status], "class:list")} data-testid="audit-status">${t$1(`audit.status.${audit.status}`)}</span></div>${renderComponent($$result, "AuditFacts", $$AuditFacts, { "detail": detail })}${detail.canEdit && renderTemplate`${renderComponent($$result, "ChecklistIsland", ChecklistIsland, {
		"client:load": true,
		"auditId": audit.id,
		"sections": checklist.sections,
		"responses": Object.fromEntries(Object.entries(detail.responses).map(([id, a]) => [id, {
			result: a.result,
			note: a.note
		}])),
		"evidence": detail.evidence,
		"canSign": detail.canSign,
		"statement": statement,
		"labels": labels,
		"client:component-hydration": "load",
		"client:component-path": "/work/main/src/components/audit/ChecklistIsland.tsx",
		"client:component-export": "default"
	})}`}${audit.status === "draft" && !detail.canEdit && renderTemplate`${renderComponent($$result, "Fragment", Fragment$2, {}, { "default": ($$result) => renderTemplate`<p class="alert info">${t$1("audit.detail.readOnlyDraft", { name: audit.auditorName })}</p>${renderComponent($$result, "AuditSummary", $$AuditSummary, { "detail": detail })}` })}`}${audit.status === "signed" && renderTemplate`${renderComponent($$result, "AuditSummary", $$AuditSummary, { "detail": detail })}`}` })}`;
}, "/work/main/src/pages/audits/[id].astro", void 0);
var $$file = "/work/main/src/pages/audits/[id].astro";
var $$url = "/audits/[id]";
// \0virtual:astro:page:src/pages/audits/[id]@_@astro
var page = () => _id__exports;
export { page };
