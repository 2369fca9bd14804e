// The training figures (completion and overdue per department and course) as a PDF table, shared
// by the audit report's frozen evidence and the evidence pack.
import { t, type Locale } from '../../i18n/index.ts';
import type { TrainingFigures } from '../programme/training-figures.ts';
import { rate } from '../programme/training-figures.ts';
import { table, type PdfDocument } from './pdf-layout.ts';

/** One row per department and a total row; each cell "completed% · overdue%" with the head count. */
export function drawTrainingFigures(doc: PdfDocument, locale: Locale, f: TrainingFigures): void {
  const l = (key: string, params?: Record<string, string | number>) => t(locale, key, params);
  const cell = (c: { total: number; completed: number; overdue: number }) =>
    c.total === 0 ? '—' : l('programme.pdf.cell', { done: rate(c.completed, c.total), overdue: rate(c.overdue, c.total), n: c.total });
  table(doc, {
    size: 7.8,
    columns: [{ header: l('programme.pdf.col.department'), width: 2.2 }, ...f.courses.map((c) => ({ header: c.title, width: 2, align: 'right' as const })), { header: l('programme.pdf.col.all'), width: 2, align: 'right' as const }],
    rows: [
      ...f.departments.map((d) => [d.name ?? l('programme.noDepartment'), ...f.courses.map((c) => cell(d.cells[c.slug] ?? { total: 0, completed: 0, overdue: 0 })), cell(d.total)]),
      [l('programme.pdf.allDepartments'), ...f.courses.map((c) => cell(f.totals.cells[c.slug] ?? { total: 0, completed: 0, overdue: 0 })), cell(f.totals.total)],
    ],
  });
}
