import { startServer } from './tests/support/server.ts';
import { rawRequest } from './tests/support/raw-http.ts';
const s = await startServer();
const a = await s.user('auditor');
const c = await s.login(a);
const { id } = await (await c.fetch('/api/audits', { method: 'POST', json: { checklist: 'records-destruction', title: 'x' } })).json();
for (const p of [`/api/audits/${id}/report.pdf/`, `/api/audits/${id}/`, `/api/audits/${id}`]) {
  const r = await rawRequest(s.url, { path: p, cookie: c.cookie });
  console.log(p, r.status, r.body.slice(0, 200));
}
const e = await s.login(await s.user('employee'));
const r = await rawRequest(s.url, { method: 'POST', path: `/actions/nonexistent`, cookie: e.cookie, headers: { origin: s.url, 'content-type': 'application/x-www-form-urlencoded' }, body: 'intent=comment&comment=hi' });
console.log('POST action', r.status, r.body.slice(0, 300));
console.log(s.output().slice(-3000));
await s.stop();
