// The completions export as a stream: pages of rows are read from the database only as the
// client takes them, so memory stays flat whether the firm has ten people or ten thousand.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { csvLine, UTF8_BOM } from '../reports/csv.ts';
import type { Db } from '../db/client.ts';
import type { HrFilters } from './hr-filters.ts';
import { exportColumns, pageExportRows, type ExportCursor, type ExportRow } from './hr-export-rows.ts';

export type ExportFormat = 'csv' | 'json';
export type CompletionsStreamOptions = { db: Db; filters: HrFilters; format: ExportFormat; now?: number; pageSize?: number };

/** An ISO 8601 UTC time to the second, which sorts as text and Excel shows as is; empty for none. */
export function exportTime(at: number | null): string {
  return at === null ? '' : new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function csvRow(r: ExportRow): string {
  return csvLine([r.email, r.name, r.department ?? '', r.course, r.status, exportTime(r.dueAt), exportTime(r.completedAt), r.score ?? '', exportTime(r.expiresAt)]);
}

/** The export as bytes: CSV (UTF-8 with BOM, formula-guarded cells) or a JSON array, read page by page. */
export function completionsStream(o: CompletionsStreamOptions): ReadableStream<Uint8Array> {
  const now = o.now ?? Date.now(); // one instant for the whole file, so every row is judged alike
  const limit = o.pageSize ?? 1000;
  const encoder = new TextEncoder();
  let cursor: ExportCursor | null = null;
  let started = false;
  let rowsSent = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(o.format === 'csv' ? UTF8_BOM + csvLine(exportColumns) : '['));
          return;
        }
        // The embedded database answers synchronously, so without this the whole export would run as one
        // chain of microtasks: nothing reaches the socket and no other request is served until it ends.
        await nextTurn();
        const rows = await pageExportRows({ db: o.db, filters: o.filters, now, after: cursor, limit });
        if (rows.length === 0) {
          if (o.format === 'json') controller.enqueue(encoder.encode(']\n'));
          controller.close();
          return;
        }
        const last = rows[rows.length - 1]!;
        cursor = { email: last.email, course: last.course };
        const text =
          o.format === 'csv'
            ? rows.map(csvRow).join('')
            : rows.map((r, i) => `${rowsSent + i === 0 ? '' : ','}\n${JSON.stringify(r)}`).join('');
        rowsSent += rows.length;
        controller.enqueue(encoder.encode(text));
      },
    },
    { highWaterMark: 1 },
  );
}
