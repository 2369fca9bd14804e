// The whole data model in one place. Times are integers (ms since epoch, or s for lucia's
// session expiry) so SQL can compare and aggregate them directly.
import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () => integer('created_at').notNull().default(sql`(unixepoch() * 1000)`);

export const departments = sqliteTable('departments', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: ['employee', 'hr', 'auditor', 'admin', 'editor'] }).notNull(),
    departmentId: text('department_id').references(() => departments.id),
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    locale: text('locale'),
    createdAt: createdAt(),
    // the person's manager (another user); "My team" and the managers' overdue digests follow it
    managerId: text('manager_id').references((): AnySQLiteColumn => users.id),
    // 'immediate': reminders as they fall due (bundled per pass); 'daily': one digest a day
    mailDigest: text('mail_digest', { enum: ['immediate', 'daily'] }).notNull().default('immediate'),
  },
  (t) => [index('users_department_idx').on(t.departmentId, t.active), index('users_manager_idx').on(t.managerId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    expiresAt: integer('expires_at').notNull(),
    /** How the session was opened: 'password' or 'oidc' (the firm's identity provider). */
    loginMethod: text('login_method', { enum: ['password', 'oidc'] }).notNull().default('password'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** A person's account at the firm's OpenID provider (issuer + subject), linked to one of our users. */
export const userIdentities = sqliteTable(
  'user_identities',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: text('user_id').notNull().references(() => users.id),
    email: text('email').notNull(),
    createdAt: integer('created_at').notNull(),
    lastLoginAt: integer('last_login_at'),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index('user_identities_user_idx').on(t.userId)],
);

/** Failed logins, counted per account and per client address over a sliding window. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);

/** Append-only, hash-chained record of every write that matters. */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  at: integer('at').notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  subjectType: text('subject_type'),
  subjectId: text('subject_id'),
  details: text('details').notNull().default('{}'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull().unique(),
});

export const lessonProgress = sqliteTable(
  'lesson_progress',
  {
    userId: text('user_id').notNull().references(() => users.id),
    courseSlug: text('course_slug').notNull(),
    lessonSlug: text('lesson_slug').notNull(),
    readAt: integer('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.courseSlug, t.lessonSlug] })],
);

/** A standing rule: everyone, or one department, must do a course; applied to people who join later. */
export const assignmentRules = sqliteTable(
  'assignment_rules',
  {
    id: text('id').primaryKey(),
    courseSlug: text('course_slug').notNull(),
    // null means everyone
    departmentId: text('department_id').references(() => departments.id),
    // the department id, or '*' for everyone: one rule per course and scope
    scopeKey: text('scope_key').notNull(),
    dueAt: integer('due_at').notNull(),
    recurMonths: integer('recur_months').notNull().default(0),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('assignment_rules_scope_idx').on(t.courseSlug, t.scopeKey)],
);

export const assignments = sqliteTable(
  'assignments',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    courseSlug: text('course_slug').notNull(),
    dueAt: integer('due_at').notNull(),
    recurMonths: integer('recur_months').notNull().default(0),
    ruleId: text('rule_id').references(() => assignmentRules.id),
    assignedBy: text('assigned_by').references(() => users.id),
    createdAt: createdAt(),
    // Copies of the person's latest completion of the course and whether they have started it (an
    // attempt or a lesson read), so HR's dashboard and export read a status from this row alone.
    // NEVER written by the app: triggers on completions, attempts, lesson_progress and assignments
    // keep them right inside every writing transaction (migration 0001_assignment_status). A
    // migration that rebuilds one of those four tables must create the triggers again.
    completionId: text('completion_id'),
    completedAt: integer('completed_at'),
    expiresAt: integer('expires_at'),
    score: integer('score'),
    started: integer('started', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('assignments_user_course_idx').on(t.userId, t.courseSlug),
    index('assignments_course_due_idx').on(t.courseSlug, t.dueAt),
  ],
);

export const attempts = sqliteTable(
  'attempts',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    courseSlug: text('course_slug').notNull(),
    courseVersion: integer('course_version').notNull(),
    locale: text('locale').notNull(),
    answers: text('answers').notNull(),
    // per question: 1 right, 0 wrong, as JSON {questionId: boolean}
    results: text('results').notNull(),
    score: integer('score').notNull(),
    passed: integer('passed', { mode: 'boolean' }).notNull(),
    attemptNumber: integer('attempt_number').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('attempts_user_course_number_idx').on(t.userId, t.courseSlug, t.attemptNumber),
    index('attempts_course_idx').on(t.courseSlug, t.attemptNumber),
  ],
);

export const completions = sqliteTable(
  'completions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    courseSlug: text('course_slug').notNull(),
    courseVersion: integer('course_version').notNull(),
    attemptId: text('attempt_id').notNull().unique().references(() => attempts.id),
    score: integer('score').notNull(),
    completedAt: integer('completed_at').notNull(),
    // null when the course never needs recertification
    expiresAt: integer('expires_at'),
    certificateNumber: text('certificate_number').notNull().unique(),
  },
  (t) => [index('completions_user_course_idx').on(t.userId, t.courseSlug, t.completedAt)],
);

/** Every signed PDF the product issued, byte for byte, so it can be served again and verified. */
export const signedDocuments = sqliteTable(
  'signed_documents',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['audit_report', 'certificate', 'follow_up_report', 'evidence_pack'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    sha256: text('sha256').notNull().unique(),
    verificationCode: text('verification_code').notNull().unique(),
    signerName: text('signer_name').notNull(),
    signedAt: integer('signed_at').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    // The audit log's head when it was signed (also inside the signed PDF): an anchor `log verify` checks.
    logSeq: integer('log_seq'),
    logHash: text('log_hash'),
  },
  (t) => [
    index('signed_documents_subject_idx').on(t.kind, t.subjectId),
    // covers what log verify reads of every row, so it need not walk past the PDFs' bytes
    index('signed_documents_log_seq_idx').on(t.logSeq, t.logHash, t.signedAt, t.kind, t.subjectId, t.id),
  ],
);

export const audits = sqliteTable(
  'audits',
  {
    id: text('id').primaryKey(),
    checklistSlug: text('checklist_slug').notNull(),
    checklistVersion: integer('checklist_version').notNull(),
    locale: text('locale').notNull(),
    title: text('title').notNull(),
    site: text('site'),
    auditorId: text('auditor_id').notNull().references(() => users.id),
    status: text('status', { enum: ['draft', 'signed'] }).notNull().default('draft'),
    createdAt: integer('created_at').notNull(),
    signedAt: integer('signed_at'),
    statement: text('statement'),
    signatureImage: blob('signature_image', { mode: 'buffer' }),
    score: integer('score'),
    reportId: text('report_id').references(() => signedDocuments.id),
    // the audit programme (migration 0007): where, which schedule and due date opened it, which audit it re-audits
    siteId: text('site_id').references(() => sites.id),
    scheduleId: text('schedule_id').references(() => auditSchedules.id),
    dueAt: integer('due_at'),
    followsAuditId: text('follows_audit_id').references((): AnySQLiteColumn => audits.id),
    /** A re-audit holds only these item ids (JSON array); null means the whole checklist. */
    itemScope: text('item_scope'),
  },
  (t) => [
    index('audits_status_idx').on(t.status, t.createdAt),
    // one audit per schedule and due date, however many servers try to open it
    uniqueIndex('audits_schedule_due_idx').on(t.scheduleId, t.dueAt),
    index('audits_site_idx').on(t.siteId, t.signedAt),
    index('audits_follows_idx').on(t.followsAuditId),
  ],
);

/** The firm's sites: where audits happen and schedules run. */
export const sites = sqliteTable(
  'sites',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    responsibleId: text('responsible_id').references(() => users.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('sites_name_unique').on(t.name)],
);

/** A checklist at a site every N months with an auditor; drafts are opened `leadDays` before each due date. */
export const auditSchedules = sqliteTable(
  'audit_schedules',
  {
    id: text('id').primaryKey(),
    checklistSlug: text('checklist_slug').notNull(),
    siteId: text('site_id').notNull().references(() => sites.id),
    auditorId: text('auditor_id').notNull().references(() => users.id),
    locale: text('locale').notNull(),
    everyMonths: integer('every_months').notNull(),
    // the series' anchor: occurrence k is due addMonths(firstDueAt, k * everyMonths); a change re-anchors it
    firstDueAt: integer('first_due_at').notNull(),
    leadDays: integer('lead_days').notNull().default(14),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    endedAt: integer('ended_at'),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('audit_schedules_active_idx').on(t.active)],
);

/** A schedule's history: created, changed (with before and after), ended. */
export const scheduleEvents = sqliteTable(
  'schedule_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scheduleId: text('schedule_id').notNull().references(() => auditSchedules.id),
    actorId: text('actor_id').references(() => users.id),
    at: integer('at').notNull(),
    kind: text('kind', { enum: ['created', 'changed', 'ended'] }).notNull(),
    details: text('details').notNull().default('{}'),
  },
  (t) => [index('schedule_events_schedule_idx').on(t.scheduleId, t.id)],
);

export const auditResponses = sqliteTable(
  'audit_responses',
  {
    auditId: text('audit_id').notNull().references(() => audits.id),
    itemId: text('item_id').notNull(),
    result: text('result', { enum: ['pass', 'partial', 'fail', 'na'] }).notNull(),
    note: text('note').notNull().default(''),
    updatedBy: text('updated_by').notNull().references(() => users.id),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.auditId, t.itemId] })],
);

/** Uploaded files (photos, PDFs) for an audit item or a corrective action; stored in the data directory. */
export const evidence = sqliteTable(
  'evidence',
  {
    id: text('id').primaryKey(),
    auditId: text('audit_id').references(() => audits.id),
    itemId: text('item_id'),
    actionId: text('action_id'),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storagePath: text('storage_path').notNull(),
    uploadedBy: text('uploaded_by').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('evidence_audit_idx').on(t.auditId, t.itemId), index('evidence_action_idx').on(t.actionId)],
);

/** Every answer an item has had, in the order the server received them (last one wins): two devices' answers both show. */
export const auditResponseHistory = sqliteTable(
  'audit_response_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    auditId: text('audit_id').notNull().references(() => audits.id),
    itemId: text('item_id').notNull(),
    result: text('result', { enum: ['pass', 'partial', 'fail', 'na'] }).notNull(),
    note: text('note').notNull().default(''),
    changedBy: text('changed_by').notNull().references(() => users.id),
    receivedAt: integer('received_at').notNull(),
    // when the device recorded it (its own clock; offline changes arrive later), if it said
    recordedAt: integer('recorded_at'),
    changeId: text('change_id'),
  },
  (t) => [index('audit_response_history_item_idx').on(t.auditId, t.itemId, t.id)],
);

/** Client-generated ids of changes already applied (written with the change), so a resent change is applied once. */
export const appliedChanges = sqliteTable(
  'applied_changes',
  {
    changeId: text('change_id').primaryKey(),
    auditId: text('audit_id').notNull().references(() => audits.id),
    itemId: text('item_id').notNull(),
    kind: text('kind', { enum: ['response', 'evidence'] }).notNull(),
    actorId: text('actor_id').notNull().references(() => users.id),
    evidenceId: text('evidence_id').references(() => evidence.id),
    appliedAt: integer('applied_at').notNull(),
  },
  (t) => [index('applied_changes_audit_idx').on(t.auditId)],
);

export const correctiveActions = sqliteTable(
  'corrective_actions',
  {
    id: text('id').primaryKey(),
    auditId: text('audit_id').notNull().references(() => audits.id),
    // null for a finding outside the checklist
    itemId: text('item_id'),
    title: text('title').notNull(),
    detail: text('detail').notNull().default(''),
    severity: text('severity', { enum: ['low', 'medium', 'high', 'critical'] }).notNull(),
    status: text('status', { enum: ['open', 'in_progress', 'resolved', 'verified'] }).notNull().default('open'),
    ownerId: text('owner_id').references(() => users.id),
    dueAt: integer('due_at').notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('actions_audit_item_idx').on(t.auditId, t.itemId),
    index('actions_status_due_idx').on(t.status, t.dueAt),
    index('actions_owner_idx').on(t.ownerId, t.status),
  ],
);

export const actionEvents = sqliteTable(
  'action_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actionId: text('action_id').notNull().references(() => correctiveActions.id),
    actorId: text('actor_id').notNull().references(() => users.id),
    at: integer('at').notNull(),
    kind: text('kind', { enum: ['created', 'status', 'owner', 'due', 'comment', 'evidence'] }).notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    comment: text('comment'),
  },
  (t) => [index('action_events_action_idx').on(t.actionId, t.id)],
);

/** The HR dashboard's training figures at the moment an audit was signed, frozen as evidence (JSON). */
export const auditTrainingEvidence = sqliteTable('audit_training_evidence', {
  auditId: text('audit_id').primaryKey().references(() => audits.id),
  asOf: integer('as_of').notNull(),
  figures: text('figures').notNull(),
});

/** Training completion per day, department ('*' all, 'none' without one) and course ('*' all), as the dashboard showed it. */
export const trainingSnapshots = sqliteTable(
  'training_snapshots',
  {
    day: text('day').notNull(),
    departmentKey: text('department_key').notNull(),
    courseSlug: text('course_slug').notNull(),
    total: integer('total').notNull(),
    completed: integer('completed').notNull(),
    overdue: integer('overdue').notNull(),
    takenAt: integer('taken_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.departmentKey, t.courseSlug] }), index('training_snapshots_dept_day_idx').on(t.departmentKey, t.day)],
);

/** Who runs a piece of scheduled work right now: several app servers share one database, one works at a time. */
export const jobLeases = sqliteTable('job_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: integer('expires_at').notNull(),
});

/** One mail to one person: composed from their pending notifications, drained by the sender. */
export const outboxMails = sqliteTable(
  'outbox_mails',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    toAddress: text('to_address').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html').notNull(),
    // the Message-ID header, fixed when composed, so a resend after a crash is recognisably the same mail
    messageId: text('message_id').notNull(),
    // queued → sending → sent; or back to queued after a failed try; failed after the last one
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed'] }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    // the SMTP server's (or the connection's) last answer to a failed try
    lastError: text('last_error'),
    // JSON [{at, error}] of every failed try
    attemptLog: text('attempt_log').notNull().default('[]'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [index('outbox_mails_status_idx').on(t.status, t.nextAttemptAt), index('outbox_mails_user_idx').on(t.userId, t.createdAt)],
);

/**
 * Something a person is to be told (an event or a reminder), written in the transaction that caused it.
 * `dedup_key` (person, thing, kind, period) is unique: a reminder is recorded at most once, whoever
 * decides it how often. Pending until a composer bundles it into one mail (`mail_id`).
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    dedupKey: text('dedup_key').notNull(),
    userId: text('user_id').notNull().references(() => users.id),
    kind: text('kind').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    // a path inside the app, without locale prefix; the mail links to it in the reader's language
    link: text('link').notNull(),
    // JSON, filled into the kind's texts when the mail is written
    params: text('params').notNull().default('{}'),
    mandatory: integer('mandatory', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    // not bundled into a mail before this time (a daily digest holds it until the digest hour)
    deliverAfter: integer('deliver_after').notNull(),
    mailId: text('mail_id').references(() => outboxMails.id),
  },
  (t) => [
    uniqueIndex('notifications_dedup_idx').on(t.dedupKey),
    index('notifications_pending_idx').on(t.mailId, t.userId, t.deliverAfter),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);

/** Signed checkpoints of the audit log's head; the signed file in <data>/checkpoints/ is the anchor, this row finds it. */
export const logCheckpoints = sqliteTable(
  'log_checkpoints',
  {
    fileName: text('file_name').primaryKey(),
    seq: integer('seq').notNull(),
    hash: text('hash').notNull(),
    at: integer('at').notNull(),
    trigger: text('trigger', { enum: ['manual', 'hourly', 'burst'] }).notNull(),
  },
  (t) => [index('log_checkpoints_at_idx').on(t.at)],
);

/** The outcome of each `log verify` (command line, admin page or server), for the admin page. */
export const logVerifications = sqliteTable(
  'log_verifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    entries: integer('entries').notNull(),
    problems: text('problems').notNull().default('[]'),
    anchorName: text('anchor_name'),
    anchorSeq: integer('anchor_seq'),
    anchorAt: integer('anchor_at'),
    afterAnchor: integer('after_anchor').notNull(),
    durationMs: integer('duration_ms').notNull(),
    source: text('source', { enum: ['cli', 'admin', 'server'] }).notNull(),
  },
  (t) => [index('log_verifications_at_idx').on(t.at)],
);

export const contentKinds = ['course', 'checklist'] as const;
export type ContentKind = (typeof contentKinds)[number];

/** Every published version of a course or checklist, both languages as JSON; never changed once written. */
export const contentVersions = sqliteTable(
  'content_versions',
  {
    // only grows: max(id) is the content generation app servers compare against their cache
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: contentKinds }).notNull(),
    slug: text('slug').notNull(),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    material: integer('material', { mode: 'boolean' }).notNull().default(false),
    note: text('note').notNull().default(''),
    publishedBy: text('published_by').references(() => users.id),
    publishedAt: integer('published_at').notNull(),
  },
  (t) => [uniqueIndex('content_versions_slug_version_idx').on(t.kind, t.slug, t.version)],
);

/** The one working draft of a course or checklist; `revision` grows with every save (editors' version check). */
export const contentDrafts = sqliteTable(
  'content_drafts',
  {
    kind: text('kind', { enum: contentKinds }).notNull(),
    slug: text('slug').notNull(),
    body: text('body').notNull(),
    revision: integer('revision').notNull(),
    baseVersion: integer('base_version'),
    updatedBy: text('updated_by').references(() => users.id),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.slug] })],
);

export type User = typeof users.$inferSelect;
export type Role = User['role'];
