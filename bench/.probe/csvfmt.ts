import { csvLine } from '../../src/lib/reports/csv.ts';
import { exportTime } from '../../src/lib/training/hr-export-stream.ts';
const rows = Array.from({ length: 30000 }, (_, i) => ({ email: `emp${i}@bench.example`, name: `王 ${i}`, department: 'Department 01', course: 'confidentiality', status: 'completed', dueAt: 1795783398241 + i, completedAt: 1795783398241, score: 88, expiresAt: 1795783398241 }));
for (let k = 0; k < 3; k++) {
  let t = performance.now(); let n = 0;
  for (const r of rows) n += csvLine([r.email, r.name, r.department, r.course, r.status, exportTime(r.dueAt), exportTime(r.completedAt), r.score, exportTime(r.expiresAt)]).length;
  console.log('csvLine+time', Math.round(performance.now() - t));
  t = performance.now();
  for (const r of rows) n += exportTime(r.dueAt).length + exportTime(r.completedAt).length + exportTime(r.expiresAt).length;
  console.log('time only', Math.round(performance.now() - t));
  t = performance.now(); const enc = new TextEncoder(); enc.encode(rows.map((r) => csvLine([r.email, r.name])).join('')); console.log('encode', Math.round(performance.now() - t));
}
