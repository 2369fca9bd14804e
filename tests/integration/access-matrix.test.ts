// Every route the app serves, with every method it serves, for every role and for nobody, on real
// objects that belong to someone else, and through every way of writing the same path.
//
// The expected answers are written out below from DESIGN.md ("People and what they can do" and
// the HTTP API table). They are deliberately NOT read from src/lib/auth/permissions.ts: this test
// is how a wrong row in that table gets noticed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema.ts';
import { answersFor, checklistItems } from '../support/quiz.ts';
import { equivalentPaths, rawRequest, type RawResponse } from '../support/raw-http.ts';
import { listRoutes } from '../support/routes.ts';
import { loadCatalog } from '../../src/lib/content/load-content.ts';
import { root, startServer, type Client, type TestServer } from '../support/server.ts';

type Role = 'employee' | 'hr' | 'auditor' | 'admin' | 'editor';
type Who = Role | 'anonymous';
const ROLES: Role[] = ['employee', 'hr', 'auditor', 'admin', 'editor'];
const WHO: Who[] = ['anonymous', ...ROLES];

// who may, in DESIGN's words
const anyone: Who[] = WHO;
const signedIn: Who[] = ROLES;
const hrAdmin: Who[] = ['hr', 'admin'];
const auditorAdmin: Who[] = ['auditor', 'admin'];
const adminOnly: Who[] = ['admin'];
// DESIGN: the editor authors, translates and publishes courses and checklists (the authoring issue), as does the admin
const editorAdmin: Who[] = ['editor', 'admin'];
const nobodyHere: Who[] = []; // e.g. signing someone else's audit: only its own auditor, who is not among these

type Fixtures = {
  other: { id: string; email: string; password: string; name: string };
  completionId: string;
  signedAuditId: string;
  draftAuditId: string;
  actionId: string;
  evidenceId: string;
  lesson: string;
  pdf: Buffer;
  siteId: string;
  scheduleId: string;
  endingScheduleId: string;
  auditorId: string;
};

type Req = { path: string; body?: string | Buffer; type?: string };
type Case = { file: string; method: string; allowed: Who[]; req: (f: Fixtures, who: Who) => Req; fresh?: boolean; allowedStatus?: number };

const json = (v: unknown) => ({ body: JSON.stringify(v), type: 'application/json' });
const form = (fields: Record<string, string>) => ({ body: new URLSearchParams(fields).toString(), type: 'application/x-www-form-urlencoded' });
const multipart = (fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) => {
  const boundary = '----access-matrix';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const head = Buffer.from(parts.join('') + (file ? `--${boundary}\r\nContent-Disposition: form-data; name="${file.name === 'files' ? 'files' : 'file'}"; filename="proof.pdf"\r\nContent-Type: ${file.type}\r\n\r\n` : ''));
  const tail = Buffer.from(`${file ? '\r\n' : ''}--${boundary}--\r\n`);
  return { body: Buffer.concat([head, file?.bytes ?? Buffer.alloc(0), tail]), type: `multipart/form-data; boundary=${boundary}` };
};
const pdfFile = (name = 'file') => ({ name, type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') });
// the first start imports content/ at the versions its files carry
const confidentialityVersion = loadCatalog(`${root}/content`).courses.get('confidentiality')!.en.meta.version;
const moodleXml = '<?xml version="1.0"?><quiz><question type="truefalse"><name><text>TF</text></name><questiontext format="html"><text>Sky is blue</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>';
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const unique = () => Math.random().toString(36).slice(2);
const today = () => new Date().toISOString().slice(0, 10);

// One row per route file and method. A route without a row fails the first test.
const cases: Case[] = [
  // pages
  { file: 'src/pages/index.astro', method: 'GET', allowed: anyone, req: () => ({ path: '/' }) },
  { file: 'src/pages/login.astro', method: 'GET', allowed: anyone, req: () => ({ path: '/login' }) },
  { file: 'src/pages/login.astro', method: 'POST', allowed: anyone, req: (f) => ({ path: '/login', ...form({ email: f.other.email, password: f.other.password }) }) },
  { file: 'src/pages/logout.ts', method: 'POST', allowed: signedIn, fresh: true, req: () => ({ path: '/logout', ...form({}) }) },
  // single sign-on is public; this server has no identity provider configured, so the pages answer
  // 404 to everyone (anything but a redirect to /login shows they are not behind a session)
  { file: 'src/pages/auth/oidc/start.astro', method: 'GET', allowed: anyone, allowedStatus: 404, req: () => ({ path: '/auth/oidc/start?next=/training' }) },
  { file: 'src/pages/auth/oidc/callback.astro', method: 'GET', allowed: anyone, allowedStatus: 404, req: () => ({ path: '/auth/oidc/callback?code=x&state=y' }) },
  { file: 'src/pages/verify.astro', method: 'GET', allowed: anyone, req: () => ({ path: '/verify' }) },
  { file: 'src/pages/verify.astro', method: 'POST', allowed: anyone, req: (f) => ({ path: '/verify', ...multipart({}, { name: 'file', type: 'application/pdf', bytes: f.pdf }) }) },
  // the page that says "not allowed" says it with its status
  { file: 'src/pages/forbidden.astro', method: 'GET', allowed: signedIn, allowedStatus: 403, req: () => ({ path: '/forbidden' }) },
  { file: 'src/pages/training/index.astro', method: 'GET', allowed: signedIn, req: () => ({ path: '/training' }) },
  { file: 'src/pages/training/[course]/index.astro', method: 'GET', allowed: signedIn, req: () => ({ path: '/training/confidentiality' }) },
  { file: 'src/pages/training/[course]/[lesson].astro', method: 'GET', allowed: signedIn, req: (f) => ({ path: `/training/confidentiality/${f.lesson}` }) },
  { file: 'src/pages/training/[course]/[lesson].astro', method: 'POST', allowed: signedIn, req: (f) => ({ path: `/training/confidentiality/${f.lesson}`, ...form({}) }) },
  { file: 'src/pages/training/[course]/quiz.astro', method: 'GET', allowed: signedIn, req: () => ({ path: '/training/confidentiality/quiz' }) },
  { file: 'src/pages/hr/index.astro', method: 'GET', allowed: hrAdmin, req: () => ({ path: '/hr' }) },
  { file: 'src/pages/hr/assign.astro', method: 'GET', allowed: hrAdmin, req: () => ({ path: '/hr/assign' }) },
  { file: 'src/pages/hr/assign.astro', method: 'POST', allowed: hrAdmin, req: (f) => ({ path: '/hr/assign', ...form({ course: 'emergency-response', scope: 'emails', emails: f.other.email, dueAt: inAMonth() }) }) },
  { file: 'src/pages/hr/import.astro', method: 'GET', allowed: hrAdmin, req: () => ({ path: '/hr/import' }) },
  { file: 'src/pages/hr/import.astro', method: 'POST', allowed: hrAdmin, req: (_f, who) => ({ path: '/hr/import', ...multipart({ csv: `email,name,role,department\nimported-${who}-${Math.random().toString(36).slice(2)}@test.example,Imported,employee,Tax\n` }) }) },
  { file: 'src/pages/hr/people/index.astro', method: 'GET', allowed: hrAdmin, req: () => ({ path: '/hr/people' }) },
  { file: 'src/pages/hr/people/[id].astro', method: 'GET', allowed: hrAdmin, req: (f) => ({ path: `/hr/people/${f.other.id}` }) },
  { file: 'src/pages/hr/questions.astro', method: 'GET', allowed: hrAdmin, req: () => ({ path: '/hr/questions?course=confidentiality' }) },
  { file: 'src/pages/audits/index.astro', method: 'GET', allowed: auditorAdmin, req: () => ({ path: '/audits' }) },
  { file: 'src/pages/audits/index.astro', method: 'POST', allowed: auditorAdmin, req: () => ({ path: '/audits', ...form({ checklist: 'records-destruction', title: 'Matrix audit', site: '' }) }) },
  { file: 'src/pages/audits/[id].astro', method: 'GET', allowed: auditorAdmin, req: (f) => ({ path: `/audits/${f.signedAuditId}` }) },
  // issue 14, the audit programme: DESIGN's auditors and admins run it; the evidence pack is also HR's
  // starting a re-audit of a signed audit; once one is open, the page answers 409 (after the access checks)
  { file: 'src/pages/audits/[id].astro', method: 'POST', allowed: auditorAdmin, allowedStatus: 409, req: (f) => ({ path: `/audits/${f.signedAuditId}`, ...form({ intent: 're-audit' }) }) },
  { file: 'src/pages/audits/sites.astro', method: 'GET', allowed: auditorAdmin, req: () => ({ path: '/audits/sites' }) },
  { file: 'src/pages/audits/sites.astro', method: 'POST', allowed: auditorAdmin, req: () => ({ path: '/audits/sites', ...form({ intent: 'create', name: `Site ${unique()}`, address: '', responsibleEmail: '' }) }) },
  { file: 'src/pages/audits/schedules.astro', method: 'GET', allowed: auditorAdmin, req: () => ({ path: '/audits/schedules' }) },
  { file: 'src/pages/audits/schedules.astro', method: 'POST', allowed: auditorAdmin, req: (f) => ({ path: '/audits/schedules', ...form({ intent: 'create', checklist: 'records-destruction', siteId: f.siteId, auditorId: f.auditorId, everyMonths: '3', firstDueAt: inAMonth(), leadDays: '14' }) }) },
  { file: 'src/pages/audits/trends.astro', method: 'GET', allowed: auditorAdmin, req: () => ({ path: '/audits/trends' }) },
  { file: 'src/pages/actions/index.astro', method: 'GET', allowed: signedIn, req: () => ({ path: '/actions' }) },
  // another person's action: its owner, auditors and admins; nobody else even learns it exists
  { file: 'src/pages/actions/[id].astro', method: 'GET', allowed: auditorAdmin, req: (f) => ({ path: `/actions/${f.actionId}` }) },
  { file: 'src/pages/actions/[id].astro', method: 'POST', allowed: auditorAdmin, req: (f) => ({ path: `/actions/${f.actionId}`, ...multipart({ intent: 'comment', comment: 'Checked on site' }) }) },
  { file: 'src/pages/actions/new.astro', method: 'GET', allowed: auditorAdmin, req: () => ({ path: '/actions/new' }) },
  { file: 'src/pages/actions/new.astro', method: 'POST', allowed: auditorAdmin, req: (f) => ({ path: '/actions/new', ...form({ audit: f.signedAuditId, title: 'Found by hand', detail: '', severity: 'low', owner: '', dueAt: '' }) }) },
  { file: 'src/pages/admin/index.astro', method: 'GET', allowed: adminOnly, req: () => ({ path: '/admin' }) },
  { file: 'src/pages/admin/index.astro', method: 'POST', allowed: adminOnly, req: (f) => ({ path: '/admin', ...form({ op: 'update', userId: f.other.id, role: 'employee', department: 'Audit' }) }) },
  { file: 'src/pages/authoring/index.astro', method: 'GET', allowed: editorAdmin, req: () => ({ path: '/authoring' }) },
  { file: 'src/pages/authoring/index.astro', method: 'POST', allowed: editorAdmin, req: () => ({ path: '/authoring', ...form({ kind: 'checklist', slug: unique(), titleEn: 'Matrix', titleZh: '矩阵' }) }) },
  { file: 'src/pages/authoring/courses/[slug]/index.astro', method: 'GET', allowed: editorAdmin, req: () => ({ path: '/authoring/courses/confidentiality' }) },
  { file: 'src/pages/authoring/courses/[slug]/history.astro', method: 'GET', allowed: editorAdmin, req: () => ({ path: '/authoring/courses/confidentiality/history' }) },
  { file: 'src/pages/authoring/checklists/[slug]/index.astro', method: 'GET', allowed: editorAdmin, req: () => ({ path: '/authoring/checklists/records-destruction' }) },
  { file: 'src/pages/authoring/checklists/[slug]/history.astro', method: 'GET', allowed: editorAdmin, req: () => ({ path: '/authoring/checklists/records-destruction/history' }) },
  // "My team" and one's own profile: anyone signed in (the team lists only their own reports)
  { file: 'src/pages/team/index.astro', method: 'GET', allowed: signedIn, req: () => ({ path: '/team' }) },
  { file: 'src/pages/me/index.astro', method: 'GET', allowed: signedIn, req: () => ({ path: '/me' }) },
  { file: 'src/pages/me/index.astro', method: 'POST', allowed: signedIn, req: () => ({ path: '/me', ...form({ locale: 'en', mailDigest: 'immediate' }) }) },
  { file: 'src/pages/me/notifications.astro', method: 'GET', allowed: signedIn, req: () => ({ path: '/me/notifications' }) },
  // the JSON API
  { file: 'src/pages/api/team/index.ts', method: 'GET', allowed: signedIn, req: () => ({ path: '/api/team' }) },
  // another person who reports to nobody here: not in anyone's team
  { file: 'src/pages/api/team/[id].ts', method: 'GET', allowed: nobodyHere, req: (f) => ({ path: `/api/team/${f.other.id}` }) },
  { file: 'src/pages/api/auth/login.ts', method: 'POST', allowed: anyone, req: (f) => ({ path: '/api/auth/login', ...json({ email: f.other.email, password: f.other.password }) }) },
  { file: 'src/pages/api/auth/logout.ts', method: 'POST', allowed: signedIn, fresh: true, req: () => ({ path: '/api/auth/logout', ...json({}) }) },
  { file: 'src/pages/api/courses/index.ts', method: 'GET', allowed: signedIn, req: () => ({ path: '/api/courses' }) },
  { file: 'src/pages/api/courses/[slug]/quiz.ts', method: 'GET', allowed: signedIn, req: () => ({ path: '/api/courses/confidentiality/quiz' }) },
  { file: 'src/pages/api/courses/[slug]/attempts.ts', method: 'POST', allowed: signedIn, req: () => ({ path: '/api/courses/confidentiality/attempts', ...json({ answers: answersFor('confidentiality') }) }) },
  { file: 'src/pages/api/courses/[slug]/lessons/[lesson]/read.ts', method: 'POST', allowed: signedIn, req: (f) => ({ path: `/api/courses/confidentiality/lessons/${f.lesson}/read`, ...json({}) }) },
  { file: 'src/pages/api/me/completions.ts', method: 'GET', allowed: signedIn, req: () => ({ path: '/api/me/completions' }) },
  // the certificate of another person: its owner, HR and admins (DESIGN)
  { file: 'src/pages/api/certificates/[file].ts', method: 'GET', allowed: hrAdmin, req: (f) => ({ path: `/api/certificates/${f.completionId}.pdf` }) },
  { file: 'src/pages/api/hr/completions.ts', method: 'GET', allowed: hrAdmin, req: () => ({ path: '/api/hr/completions' }) },
  { file: 'src/pages/api/hr/completions.csv.ts', method: 'GET', allowed: hrAdmin, req: () => ({ path: '/api/hr/completions.csv' }) },
  { file: 'src/pages/api/hr/assignments.ts', method: 'POST', allowed: hrAdmin, req: (f) => ({ path: '/api/hr/assignments', ...json({ course: 'emergency-response', emails: [f.other.email], dueAt: inAMonth() }) }) },
  { file: 'src/pages/api/checklists/index.ts', method: 'GET', allowed: auditorAdmin, req: () => ({ path: '/api/checklists' }) },
  { file: 'src/pages/api/audits/index.ts', method: 'GET', allowed: auditorAdmin, req: () => ({ path: '/api/audits' }) },
  { file: 'src/pages/api/audits/index.ts', method: 'POST', allowed: auditorAdmin, req: () => ({ path: '/api/audits', ...json({ checklist: 'records-destruction', title: 'Matrix audit' }) }) },
  { file: 'src/pages/api/audits/[id]/index.ts', method: 'GET', allowed: auditorAdmin, req: (f) => ({ path: `/api/audits/${f.signedAuditId}` }) },
  { file: 'src/pages/api/audits/[id]/report.pdf.ts', method: 'GET', allowed: auditorAdmin, req: (f) => ({ path: `/api/audits/${f.signedAuditId}/report.pdf` }) },
  // another auditor's draft: its own auditor writes it; an admin may fill it in too, but signing is its auditor's alone
  { file: 'src/pages/api/audits/[id]/responses/[itemId].ts', method: 'PUT', allowed: adminOnly, req: (f) => ({ path: `/api/audits/${f.draftAuditId}/responses/rd-01`, ...json({ result: 'pass', note: 'seen' }) }) },
  { file: 'src/pages/api/audits/[id]/evidence.ts', method: 'POST', allowed: adminOnly, req: (f) => ({ path: `/api/audits/${f.draftAuditId}/evidence`, ...multipart({ itemId: 'rd-01' }, pdfFile()) }) },
  { file: 'src/pages/api/audits/[id]/sign.ts', method: 'POST', allowed: nobodyHere, req: (f) => ({ path: `/api/audits/${f.draftAuditId}/sign`, ...json({ password: f.other.password, statement: 'I observed this' }) }) },
  { file: 'src/pages/api/audits/[id]/actions.ts', method: 'GET', allowed: auditorAdmin, req: (f) => ({ path: `/api/audits/${f.signedAuditId}/actions` }) },
  { file: 'src/pages/api/audits/[id]/actions.ts', method: 'POST', allowed: auditorAdmin, req: (f) => ({ path: `/api/audits/${f.signedAuditId}/actions`, ...json({ title: 'Found by hand', severity: 'low' }) }) },
  { file: 'src/pages/api/audits/[id]/follow-up.pdf.ts', method: 'POST', allowed: auditorAdmin, req: (f) => ({ path: `/api/audits/${f.signedAuditId}/follow-up.pdf`, ...json({}) }) },
  { file: 'src/pages/api/audits/[id]/follow-up.pdf.ts', method: 'GET', allowed: auditorAdmin, req: (f) => ({ path: `/api/audits/${f.signedAuditId}/follow-up.pdf` }) },
  { file: 'src/pages/api/evidence/[id].ts', method: 'GET', allowed: auditorAdmin, req: (f) => ({ path: `/api/evidence/${f.evidenceId}` }) },
  { file: 'src/pages/api/actions/index.ts', method: 'GET', allowed: signedIn, req: () => ({ path: '/api/actions' }) },
  { file: 'src/pages/api/actions.csv.ts', method: 'GET', allowed: signedIn, req: () => ({ path: '/api/actions.csv' }) },
  { file: 'src/pages/api/actions/[id]/index.ts', method: 'GET', allowed: auditorAdmin, req: (f) => ({ path: `/api/actions/${f.actionId}` }) },
  { file: 'src/pages/api/actions/[id]/index.ts', method: 'PATCH', allowed: auditorAdmin, req: (f) => ({ path: `/api/actions/${f.actionId}`, ...json({ comment: 'Looked at it' }) }) },
  { file: 'src/pages/api/actions/[id]/comments.ts', method: 'POST', allowed: auditorAdmin, req: (f) => ({ path: `/api/actions/${f.actionId}/comments`, ...json({ text: 'Looked at it' }) }) },
  { file: 'src/pages/api/actions/[id]/evidence.ts', method: 'POST', allowed: auditorAdmin, req: (f) => ({ path: `/api/actions/${f.actionId}/evidence`, ...multipart({}, pdfFile()) }) },
  // authoring: bodies that pass access but break a rule (422) or meet a state (409) count as let through
  { file: 'src/pages/api/authoring/preview.ts', method: 'POST', allowed: editorAdmin, req: () => ({ path: '/api/authoring/preview', ...json({ markdown: '# Hello' }) }) },
  { file: 'src/pages/api/authoring/[kind]/index.ts', method: 'GET', allowed: editorAdmin, req: () => ({ path: '/api/authoring/courses' }) },
  { file: 'src/pages/api/authoring/[kind]/index.ts', method: 'POST', allowed: editorAdmin, allowedStatus: 422, req: () => ({ path: '/api/authoring/checklists', ...json({ slug: unique() }) }) },
  { file: 'src/pages/api/authoring/[kind]/[slug]/index.ts', method: 'GET', allowed: editorAdmin, req: () => ({ path: '/api/authoring/courses/confidentiality' }) },
  { file: 'src/pages/api/authoring/[kind]/[slug]/draft.ts', method: 'PUT', allowed: editorAdmin, allowedStatus: 422, req: () => ({ path: '/api/authoring/courses/confidentiality/draft', ...json({ revision: 0 }) }) },
  { file: 'src/pages/api/authoring/[kind]/[slug]/draft.ts', method: 'DELETE', allowed: editorAdmin, allowedStatus: 404, req: () => ({ path: '/api/authoring/courses/records-destruction-none/draft?revision=1' }) },
  { file: 'src/pages/api/authoring/[kind]/[slug]/publish.ts', method: 'POST', allowed: editorAdmin, allowedStatus: 409, req: () => ({ path: '/api/authoring/courses/confidentiality/publish', ...json({ material: false, note: 'nothing' }) }) },
  { file: 'src/pages/api/authoring/[kind]/[slug]/versions/index.ts', method: 'GET', allowed: editorAdmin, req: () => ({ path: '/api/authoring/courses/confidentiality/versions' }) },
  { file: 'src/pages/api/authoring/[kind]/[slug]/versions/[version].ts', method: 'GET', allowed: editorAdmin, req: () => ({ path: `/api/authoring/courses/confidentiality/versions/${confidentialityVersion}` }) },
  { file: 'src/pages/api/authoring/courses/[slug]/questions/import.ts', method: 'POST', allowed: editorAdmin, req: () => ({ path: '/api/authoring/courses/confidentiality/questions/import', body: moodleXml, type: 'application/xml' }) },
  { file: 'src/pages/api/sites/index.ts', method: 'GET', allowed: auditorAdmin, req: () => ({ path: '/api/sites' }) },
  { file: 'src/pages/api/sites/index.ts', method: 'POST', allowed: auditorAdmin, req: () => ({ path: '/api/sites', ...json({ name: `Site ${unique()}` }) }) },
  { file: 'src/pages/api/sites/[id].ts', method: 'PATCH', allowed: auditorAdmin, req: (f) => ({ path: `/api/sites/${f.siteId}`, ...json({ address: '1 High Street' }) }) },
  { file: 'src/pages/api/audit-schedules/index.ts', method: 'GET', allowed: auditorAdmin, req: () => ({ path: '/api/audit-schedules' }) },
  { file: 'src/pages/api/audit-schedules/index.ts', method: 'POST', allowed: auditorAdmin, req: (f) => ({ path: '/api/audit-schedules', ...json({ checklist: 'records-destruction', site: f.siteId, auditor: f.auditorId, everyMonths: 3, firstDueAt: inAMonth() }) }) },
  { file: 'src/pages/api/audit-schedules/[id].ts', method: 'PATCH', allowed: auditorAdmin, req: (f) => ({ path: `/api/audit-schedules/${f.scheduleId}`, ...json({ leadDays: 10 }) }) },
  // ending: the first allowed request ends it, later ones are told it has ended (409)
  { file: 'src/pages/api/audit-schedules/[id].ts', method: 'DELETE', allowed: auditorAdmin, allowedStatus: 409, req: (f) => ({ path: `/api/audit-schedules/${f.endingScheduleId}`, ...json({}) }) },
  { file: 'src/pages/api/audits/[id]/re-audit.ts', method: 'POST', allowed: auditorAdmin, allowedStatus: 409, req: (f) => ({ path: `/api/audits/${f.signedAuditId}/re-audit`, ...json({}) }) },
  { file: 'src/pages/api/evidence-pack.pdf.ts', method: 'GET', allowed: ['hr', 'auditor', 'admin'], req: () => ({ path: `/api/evidence-pack.pdf?from=2026-01-01&to=${today()}` }) },
  { file: 'src/pages/api/reports/verify.ts', method: 'POST', allowed: anyone, req: (f) => ({ path: '/api/reports/verify', body: f.pdf, type: 'application/pdf' }) },
];

let server: TestServer;
let f: Fixtures;
const accounts = new Map<Role, { email: string; password: string }>();
const sessions = new Map<Who, string | null>();

async function send(who: Who, c: Case, path: string, cookie = sessions.get(who) ?? null): Promise<RawResponse> {
  const r = c.req(f, who);
  const headers: Record<string, string> = { origin: server.url };
  if (r.type) headers['content-type'] = r.type;
  return rawRequest(server.url, { method: c.method, path, cookie, headers, body: r.body });
}

async function freshCookie(who: Who): Promise<string | null> {
  return who === 'anonymous' ? null : (await server.login(accounts.get(who)!)).cookie;
}

/** What a response amounts to: let through, or turned away (and how). */
function verdict(res: RawResponse, api: boolean): 'allowed' | 'login' | 'refused' | `unexpected ${number}` {
  const loc = res.location ?? '';
  if (api ? res.status === 401 : res.status === 303 && /^\/(zh-cn\/)?login\?next=/.test(loc)) return 'login';
  if ([403, 404].includes(res.status)) return 'refused';
  if (!api && res.status === 401) return 'login';
  if (res.status >= 200 && res.status < 400) return 'allowed';
  return `unexpected ${res.status}`;
}

function expectedFor(c: Case, who: Who): 'allowed' | 'login' | 'refused' {
  if (c.allowed.includes(who)) return 'allowed';
  return who === 'anonymous' ? 'login' : 'refused';
}

beforeAll(async () => {
  server = await startServer();
  for (const role of ROLES) {
    const u = await server.user(role);
    accounts.set(role, u);
    sessions.set(role, (await server.login(u)).cookie);
  }
  sessions.set('anonymous', null);

  // someone else's things: an employee with a certificate and a corrective action, and another auditor's audits
  const otherUser = await server.user('employee', { name: 'Otto Other-Person', department: 'Tax' });
  const other = await server.login(otherUser);
  const otherAuditorUser = await server.user('auditor', { name: 'Ada Other-Auditor' });
  const otherAuditor = await server.login(otherAuditorUser);
  const passed = await (await other.fetch('/api/courses/confidentiality/attempts', { method: 'POST', json: { answers: answersFor('confidentiality') } })).json();
  const lesson = await firstLesson(other);

  const start = async (title: string) => (await (await otherAuditor.fetch('/api/audits', { method: 'POST', json: { checklist: 'records-destruction', title } })).json()).id as string;
  const signedAuditId = await start('Records room');
  const upload = new FormData();
  upload.append('itemId', 'rd-01');
  upload.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'record.pdf');
  const evidence = await (await otherAuditor.fetch(`/api/audits/${signedAuditId}/evidence`, { method: 'POST', body: upload, headers: { origin: server.url } })).json();
  for (const item of checklistItems('records-destruction')) await otherAuditor.fetch(`/api/audits/${signedAuditId}/responses/${item.id}`, { method: 'PUT', json: { result: 'fail', note: 'missing' } });
  const signed = await otherAuditor.fetch(`/api/audits/${signedAuditId}/sign`, { method: 'POST', json: { password: otherAuditorUser.password, statement: 'I observed this' } });
  expect(signed.status).toBe(200);
  const [action] = await (await otherAuditor.fetch(`/api/actions?audit=${signedAuditId}`)).json();
  expect((await otherAuditor.fetch(`/api/actions/${action.id}`, { method: 'PATCH', json: { owner: otherUser.email } })).status).toBe(200);
  const pdf = Buffer.from(await (await otherAuditor.fetch(`/api/audits/${signedAuditId}/report.pdf`)).arrayBuffer());
  const draftAuditId = await start('Shredding site');
  const site = await (await otherAuditor.fetch('/api/sites', { method: 'POST', json: { name: 'Matrix site' } })).json();
  const newSchedule = async () => (await (await otherAuditor.fetch('/api/audit-schedules', { method: 'POST', json: { checklist: 'records-destruction', site: site.id, auditor: otherAuditorUser.id, everyMonths: 6, firstDueAt: inAMonth() } })).json()).id as string;
  const [scheduleId, endingScheduleId] = [await newSchedule(), await newSchedule()];

  f = {
    other: { ...otherUser, name: 'Otto Other-Person' },
    completionId: passed.completion.id,
    signedAuditId,
    draftAuditId,
    actionId: action.id,
    evidenceId: evidence.id,
    lesson,
    pdf,
    siteId: site.id,
    scheduleId,
    endingScheduleId,
    auditorId: otherAuditorUser.id,
  };
}, 120_000);

async function firstLesson(c: Client): Promise<string> {
  const html = await (await c.fetch('/training/confidentiality')).text();
  return [...html.matchAll(/href="\/training\/confidentiality\/([a-z0-9-]+)"/g)].map((m) => m[1]!).find((slug) => slug !== 'quiz') ?? '';
}

afterAll(async () => {
  await server?.stop();
});

describe('the access matrix', () => {
  it('has an expectation for every route and method the app serves', () => {
    const served = listRoutes().flatMap((r) => r.methods.map((m) => `${m} ${r.file}`));
    const expected = new Set(cases.map((c) => `${c.method} ${c.file}`));
    expect(served.filter((s) => !expected.has(s))).toEqual([]);
    expect([...expected].filter((e) => !served.includes(e))).toEqual([]);
    expect(f.lesson).not.toBe('');
  });

  for (const who of WHO) {
    it(`gives ${who} what DESIGN allows, on someone else's objects, through every way of writing the path`, async () => {
      const wrong: string[] = [];
      for (const c of cases) {
        const api = c.file.startsWith('src/pages/api/');
        const want = expectedFor(c, who);
        const canonical = c.req(f, who).path;
        const variants = [canonical, ...equivalentPaths(canonical), ...(api ? [] : [`/zh-cn${canonical === '/' ? '' : canonical}`])];
        for (const path of variants) {
          const cookie = c.fresh ? await freshCookie(who) : sessions.get(who) ?? null;
          const res = await send(who, c, path, cookie);
          const got = c.allowedStatus && res.status === c.allowedStatus ? 'allowed' : verdict(res, api);
          if (got !== want) wrong.push(`${who} ${c.method} ${path}: expected ${want}, got ${got} (${res.status})`);
          // a refusal never carries the other person's data
          if (want !== 'allowed' && (res.body.includes(f.other.email) || res.body.includes(f.other.name))) wrong.push(`${who} ${c.method} ${path}: refused, but the body holds another person's data`);
          if (api && res.status >= 400 && !/"error":/.test(res.body)) wrong.push(`${who} ${c.method} ${path}: ${res.status} without the {error} shape`);
        }
        // another case of letters is another path: never a way in
        const upper = canonical.replace(/^\/(\w)/, (_, ch: string) => `/${ch.toUpperCase()}`);
        if (upper !== canonical && want !== 'allowed') {
          const res = await send(who, c, upper);
          if (res.status < 400 && !(res.status === 303 && /login\?next=/.test(res.location ?? ''))) wrong.push(`${who} ${c.method} ${upper}: a refused route answered ${res.status} in another case`);
        }
      }
      expect(wrong).toEqual([]);
    }, 300_000);
  }
});

describe('paths that decode to something odd', () => {
  const odd = ['/a%2fdmin', '/admin%2F', '/%5cadmin', '/admin%00', '/%00', '/%zzadmin', '/%e6%9d', '/%2561dmin', '/api/hr%2fcompletions', '/zh-cn/%2e%2e%2fadmin', '/training/.%2e%2fadmin', '/api/%252e%252e/hr/completions'];
  for (const who of WHO) {
    it(`are refused with 400 before any route runs, for ${who}`, async () => {
      const got: string[] = [];
      for (const path of odd) {
        const res = await rawRequest(server.url, { path, cookie: sessions.get(who) ?? null });
        if (res.status !== 400) got.push(`${path} → ${res.status}`);
        if (path.startsWith('/api/') && res.status === 400) expect(JSON.parse(res.body).error).toMatch(/malformed/i);
      }
      expect(got).toEqual([]);
    });
  }

  it('are resolved like a browser resolves them when they are plain dot segments, and then decided as the path they resolve to', async () => {
    for (const path of ['/training/../admin', '/training/%2e%2e/admin', '/training/.%2E/admin', '/hr/./../admin']) {
      expect((await rawRequest(server.url, { path, cookie: sessions.get('employee')! })).status, path).toBe(403);
      expect((await rawRequest(server.url, { path, cookie: sessions.get('admin')! })).status, path).toBe(200);
    }
  });

  it('says so in the reader language on pages', async () => {
    const en = await rawRequest(server.url, { path: '/admin%00' });
    const zh = await rawRequest(server.url, { path: '/zh-cn/admin%00' });
    expect(en.body).toContain('This address is malformed');
    expect(zh.body).toContain('此地址格式有误');
  });
});

describe('creating an administrator', () => {
  it('cannot be done by anyone but an administrator, through any way of writing the address', async () => {
    const admins = async () => (await server.db.select({ n: sql<number>`count(*)` }).from(users).where(eq(users.role, 'admin')))[0]!.n;
    const before = await admins();
    const tried: string[] = [];
    for (const who of ['anonymous', 'employee', 'hr', 'auditor'] as const) {
      for (const path of ['/admin', ...equivalentPaths('/admin'), '/zh-cn/admin', ...equivalentPaths('/zh-cn/admin'), '/ADMIN', '/Admin']) {
        const email = `sneaky-${who}-${tried.length}@test.example`;
        const body = new URLSearchParams({ op: 'create', name: 'Sneaky', email, role: 'admin', password: 'a long enough password 1' }).toString();
        const res = await rawRequest(server.url, { method: 'POST', path, cookie: sessions.get(who) ?? null, headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' }, body });
        tried.push(`${who} ${path} ${res.status}`);
        expect(res.status, `${who} POST ${path}`).not.toBeLessThan(300);
        expect(await server.db.select().from(users).where(eq(users.email, email))).toEqual([]);
      }
      // HR imports people, but an import that would make an administrator is refused whole
      if (who === 'hr') {
        const csv = 'email,name,role,department\nsneaky-import@test.example,Sneaky,admin,Tax\n';
        const res = await rawRequest(server.url, { method: 'POST', path: '/hr/import', cookie: sessions.get('hr')!, headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csv }).toString() });
        expect(res.status).toBe(422);
        expect(await server.db.select().from(users).where(eq(users.email, 'sneaky-import@test.example'))).toEqual([]);
      }
    }
    expect(await admins()).toBe(before);
    expect(tried.length).toBeGreaterThan(40);
  }, 120_000);
});
