import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { t as config } from "./config_B843mDYI.mjs";
import fs from "node:fs";
import path from "node:path";
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia, TimeSpan } from "lucia";
import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
// db/schema.ts
var schema_exports = /* @__PURE__ */ __exportAll({
	actionEvents: () => actionEvents,
	assignmentRules: () => assignmentRules,
	assignments: () => assignments,
	attempts: () => attempts,
	auditLog: () => auditLog,
	auditResponses: () => auditResponses,
	audits: () => audits,
	completions: () => completions,
	correctiveActions: () => correctiveActions,
	departments: () => departments,
	evidence: () => evidence,
	lessonProgress: () => lessonProgress,
	loginFailures: () => loginFailures,
	sessions: () => sessions,
	signedDocuments: () => signedDocuments,
	users: () => users
});
var createdAt = () => integer("created_at").notNull().default(sql`(unixepoch() * 1000)`);
var departments = sqliteTable("departments", {
	id: text("id").primaryKey(),
	name: text("name").notNull().unique(),
	createdAt: createdAt()
});
var users = sqliteTable("users", {
	id: text("id").primaryKey(),
	email: text("email").notNull().unique(),
	name: text("name").notNull(),
	role: text("role", { enum: [
		"employee",
		"hr",
		"auditor",
		"admin"
	] }).notNull(),
	departmentId: text("department_id").references(() => departments.id),
	passwordHash: text("password_hash").notNull(),
	active: integer("active", { mode: "boolean" }).notNull().default(true),
	locale: text("locale"),
	createdAt: createdAt()
}, (t) => [index("users_department_idx").on(t.departmentId, t.active)]);
var sessions = sqliteTable("sessions", {
	id: text("id").primaryKey(),
	userId: text("user_id").notNull().references(() => users.id),
	expiresAt: integer("expires_at").notNull()
}, (t) => [index("sessions_user_idx").on(t.userId)]);
/** Failed logins, counted per account and per client address over a sliding window. */
var loginFailures = sqliteTable("login_failures", {
	id: integer("id").primaryKey({ autoIncrement: true }),
	key: text("key").notNull(),
	at: integer("at").notNull()
}, (t) => [index("login_failures_key_at_idx").on(t.key, t.at)]);
/** Append-only, hash-chained record of every write that matters. */
var auditLog = sqliteTable("audit_log", {
	seq: integer("seq").primaryKey(),
	at: integer("at").notNull(),
	actorId: text("actor_id"),
	action: text("action").notNull(),
	subjectType: text("subject_type"),
	subjectId: text("subject_id"),
	details: text("details").notNull().default("{}"),
	prevHash: text("prev_hash").notNull(),
	hash: text("hash").notNull().unique()
});
var lessonProgress = sqliteTable("lesson_progress", {
	userId: text("user_id").notNull().references(() => users.id),
	courseSlug: text("course_slug").notNull(),
	lessonSlug: text("lesson_slug").notNull(),
	readAt: integer("read_at").notNull()
}, (t) => [primaryKey({ columns: [
	t.userId,
	t.courseSlug,
	t.lessonSlug
] })]);
/** A standing rule: everyone, or one department, must do a course; applied to people who join later. */
var assignmentRules = sqliteTable("assignment_rules", {
	id: text("id").primaryKey(),
	courseSlug: text("course_slug").notNull(),
	departmentId: text("department_id").references(() => departments.id),
	scopeKey: text("scope_key").notNull(),
	dueAt: integer("due_at").notNull(),
	recurMonths: integer("recur_months").notNull().default(0),
	createdBy: text("created_by").references(() => users.id),
	createdAt: createdAt()
}, (t) => [uniqueIndex("assignment_rules_scope_idx").on(t.courseSlug, t.scopeKey)]);
var assignments = sqliteTable("assignments", {
	id: text("id").primaryKey(),
	userId: text("user_id").notNull().references(() => users.id),
	courseSlug: text("course_slug").notNull(),
	dueAt: integer("due_at").notNull(),
	recurMonths: integer("recur_months").notNull().default(0),
	ruleId: text("rule_id").references(() => assignmentRules.id),
	assignedBy: text("assigned_by").references(() => users.id),
	createdAt: createdAt()
}, (t) => [uniqueIndex("assignments_user_course_idx").on(t.userId, t.courseSlug), index("assignments_course_due_idx").on(t.courseSlug, t.dueAt)]);
var attempts = sqliteTable("attempts", {
	id: text("id").primaryKey(),
	userId: text("user_id").notNull().references(() => users.id),
	courseSlug: text("course_slug").notNull(),
	courseVersion: integer("course_version").notNull(),
	locale: text("locale").notNull(),
	answers: text("answers").notNull(),
	results: text("results").notNull(),
	score: integer("score").notNull(),
	passed: integer("passed", { mode: "boolean" }).notNull(),
	attemptNumber: integer("attempt_number").notNull(),
	createdAt: integer("created_at").notNull()
}, (t) => [uniqueIndex("attempts_user_course_number_idx").on(t.userId, t.courseSlug, t.attemptNumber), index("attempts_course_idx").on(t.courseSlug, t.attemptNumber)]);
var completions = sqliteTable("completions", {
	id: text("id").primaryKey(),
	userId: text("user_id").notNull().references(() => users.id),
	courseSlug: text("course_slug").notNull(),
	courseVersion: integer("course_version").notNull(),
	attemptId: text("attempt_id").notNull().unique().references(() => attempts.id),
	score: integer("score").notNull(),
	completedAt: integer("completed_at").notNull(),
	expiresAt: integer("expires_at"),
	certificateNumber: text("certificate_number").notNull().unique()
}, (t) => [index("completions_user_course_idx").on(t.userId, t.courseSlug, t.completedAt)]);
/** Every signed PDF the product issued, byte for byte, so it can be served again and verified. */
var signedDocuments = sqliteTable("signed_documents", {
	id: text("id").primaryKey(),
	kind: text("kind", { enum: [
		"audit_report",
		"certificate",
		"follow_up_report"
	] }).notNull(),
	subjectId: text("subject_id").notNull(),
	sha256: text("sha256").notNull().unique(),
	verificationCode: text("verification_code").notNull().unique(),
	signerName: text("signer_name").notNull(),
	signedAt: integer("signed_at").notNull(),
	bytes: blob("bytes", { mode: "buffer" }).notNull()
}, (t) => [index("signed_documents_subject_idx").on(t.kind, t.subjectId)]);
var audits = sqliteTable("audits", {
	id: text("id").primaryKey(),
	checklistSlug: text("checklist_slug").notNull(),
	checklistVersion: integer("checklist_version").notNull(),
	locale: text("locale").notNull(),
	title: text("title").notNull(),
	site: text("site"),
	auditorId: text("auditor_id").notNull().references(() => users.id),
	status: text("status", { enum: ["draft", "signed"] }).notNull().default("draft"),
	createdAt: integer("created_at").notNull(),
	signedAt: integer("signed_at"),
	statement: text("statement"),
	signatureImage: blob("signature_image", { mode: "buffer" }),
	score: integer("score"),
	reportId: text("report_id").references(() => signedDocuments.id)
}, (t) => [index("audits_status_idx").on(t.status, t.createdAt)]);
var auditResponses = sqliteTable("audit_responses", {
	auditId: text("audit_id").notNull().references(() => audits.id),
	itemId: text("item_id").notNull(),
	result: text("result", { enum: [
		"pass",
		"partial",
		"fail",
		"na"
	] }).notNull(),
	note: text("note").notNull().default(""),
	updatedBy: text("updated_by").notNull().references(() => users.id),
	updatedAt: integer("updated_at").notNull()
}, (t) => [primaryKey({ columns: [t.auditId, t.itemId] })]);
/** Uploaded files (photos, PDFs) for an audit item or a corrective action; stored in the data directory. */
var evidence = sqliteTable("evidence", {
	id: text("id").primaryKey(),
	auditId: text("audit_id").references(() => audits.id),
	itemId: text("item_id"),
	actionId: text("action_id"),
	fileName: text("file_name").notNull(),
	mimeType: text("mime_type").notNull(),
	size: integer("size").notNull(),
	sha256: text("sha256").notNull(),
	storagePath: text("storage_path").notNull(),
	uploadedBy: text("uploaded_by").notNull().references(() => users.id),
	createdAt: integer("created_at").notNull()
}, (t) => [index("evidence_audit_idx").on(t.auditId, t.itemId), index("evidence_action_idx").on(t.actionId)]);
var correctiveActions = sqliteTable("corrective_actions", {
	id: text("id").primaryKey(),
	auditId: text("audit_id").notNull().references(() => audits.id),
	itemId: text("item_id"),
	title: text("title").notNull(),
	detail: text("detail").notNull().default(""),
	severity: text("severity", { enum: [
		"low",
		"medium",
		"high",
		"critical"
	] }).notNull(),
	status: text("status", { enum: [
		"open",
		"in_progress",
		"resolved",
		"verified"
	] }).notNull().default("open"),
	ownerId: text("owner_id").references(() => users.id),
	dueAt: integer("due_at").notNull(),
	createdBy: text("created_by").notNull().references(() => users.id),
	createdAt: integer("created_at").notNull(),
	updatedAt: integer("updated_at").notNull()
}, (t) => [
	uniqueIndex("actions_audit_item_idx").on(t.auditId, t.itemId),
	index("actions_status_due_idx").on(t.status, t.dueAt),
	index("actions_owner_idx").on(t.ownerId, t.status)
]);
var actionEvents = sqliteTable("action_events", {
	id: integer("id").primaryKey({ autoIncrement: true }),
	actionId: text("action_id").notNull().references(() => correctiveActions.id),
	actorId: text("actor_id").notNull().references(() => users.id),
	at: integer("at").notNull(),
	kind: text("kind", { enum: [
		"created",
		"status",
		"owner",
		"due",
		"comment",
		"evidence"
	] }).notNull(),
	fromValue: text("from_value"),
	toValue: text("to_value"),
	comment: text("comment")
}, (t) => [index("action_events_action_idx").on(t.actionId, t.id)]);
// src/lib/auth/lucia.ts
/** Lucia over our users and sessions tables; sessions last 14 days and slide while used. */
function createLucia(db) {
	const adapter = new DrizzleSQLiteAdapter(db, sessions, users);
	return new Lucia(adapter, {
		sessionExpiresIn: new TimeSpan(14, "d"),
		sessionCookie: {
			name: "lms_session",
			attributes: { sameSite: "lax" }
		},
		getUserAttributes: (a) => ({
			email: a.email,
			name: a.name,
			role: a.role,
			departmentId: a.departmentId,
			active: Boolean(a.active)
		})
	});
}
// src/lib/db/client.ts
var client;
var db;
/** Opens a libSQL client; a local file is put in WAL mode so readers never wait for the writer. */
async function openClient(url, authToken) {
	const isFile = url.startsWith("file:");
	if (isFile) fs.mkdirSync(path.dirname(path.resolve(url.slice(5))), { recursive: true });
	const c = createClient({
		url,
		authToken,
		timeout: 15e3
	});
	if (isFile) await c.execute("PRAGMA journal_mode = WAL");
	return c;
}
/** Wraps an open client in drizzle with the schema. */
function drizzleFor(c) {
	return drizzle(c, { schema: schema_exports });
}
/** The process-wide database handle. */
async function getDb() {
	if (db) return db;
	const cfg = config();
	client = await openClient(cfg.databaseUrl, cfg.databaseAuthToken);
	db = drizzleFor(client);
	return db;
}
// src/lib/runtime.ts
var ready;
/** The database and session manager for this process. */
function runtime() {
	ready ??= getDb().then((db) => ({
		db,
		lucia: createLucia(db)
	}));
	return ready;
}
export { users as _, attempts as a, audits as c, departments as d, evidence as f, signedDocuments as g, sessions as h, assignments as i, completions as l, loginFailures as m, actionEvents as n, auditLog as o, lessonProgress as p, assignmentRules as r, auditResponses as s, runtime as t, correctiveActions as u };
