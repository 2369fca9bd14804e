import { startServer } from './tests/support/server.ts';
import http from 'node:http';
const s = await startServer();
const emp = await s.user('employee');
const c = await s.login(emp);
function raw(path: string): Promise<number> {
  const u = new URL(s.url);
  return new Promise((res, rej) => {
    const req = http.request({ host: u.hostname, port: u.port, path, method: 'GET', headers: { cookie: c.cookie! } }, (r) => { r.resume(); res(r.statusCode!); });
    req.on('error', rej); req.end();
  });
}
for (const p of process.argv.slice(2)) console.log(p, await raw(p));
await s.stop();
