// The actions export: CSV for Excel (UTF-8 with BOM, formula-guarded cells), read from the
// database a page at a time as the client takes it, so a big firm's export stays flat in memory.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, asc } from 'drizzle-orm';
import { correctiveActions } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { csvLine, UTF8_BOM } from '../reports/csv.ts';
import type { ActionFilters } from './action-filters.ts';
import type { ActionActor } from './action-transitions.ts';
import { actionConditions, afterCursor, selectActionRows, toListRow, type ActionListRow } from './list-actions.ts';

export const ACTION_CSV_COLUMNS = ['id', 'audit_id', 'audit_title', 'item_id', 'title', 'severity', 'status', 'owner_email', 'owner_name', 'due_at', 'overdue', 'days_overdue', 'created_at', 'updated_at'] as const;

export type ExportActionsOptions = { db: Db; actor: ActionActor; filters: ActionFilters; now?: number; pageSize?: number };

/** An ISO 8601 UTC time to the second: sorts as text and Excel reads it. */
function isoTime(at: number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function csvRow(r: ActionListRow): string {
  return csvLine([r.id, r.auditId, r.auditTitle, r.itemId ?? '', r.title, r.severity, r.status, r.owner?.email ?? '', r.owner?.name ?? '', isoTime(r.dueAt), r.overdue ? 'yes' : 'no', r.daysOverdue, isoTime(r.createdAt), isoTime(r.updatedAt)]);
}

/** The actions this person may see, filtered, as a CSV byte stream in order of creation. */
export function exportActionsCsv(o: ExportActionsOptions): ReadableStream<Uint8Array> {
  const now = o.now ?? Date.now(); // one instant for the whole file, so "overdue" means the same on every row
  const limit = o.pageSize ?? 500;
  const encoder = new TextEncoder();
  let cursor: { createdAt: number; id: string } | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(UTF8_BOM + csvLine(ACTION_CSV_COLUMNS)));
          return;
        }
        // let other requests in between pages (the embedded database answers synchronously)
        await nextTurn();
        const rows = await selectActionRows(o.db)
          .where(and(actionConditions(o.actor, o.filters, now), afterCursor(cursor)))
          .orderBy(asc(correctiveActions.createdAt), asc(correctiveActions.id))
          .limit(limit);
        if (rows.length === 0) {
          controller.close();
          return;
        }
        const last = rows[rows.length - 1]!;
        cursor = { createdAt: last.createdAt, id: last.id };
        controller.enqueue(encoder.encode(rows.map((r) => csvRow(toListRow(r, now))).join('')));
      },
    },
    { highWaterMark: 1 },
  );
}
