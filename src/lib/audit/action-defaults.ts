// Defaults for the corrective actions raised at signing: one per fail or partial item.
import type { Severity } from '../content/schemas.ts';

/** Days allowed to fix a finding, by the item's severity. */
export const DUE_DAYS_BY_SEVERITY: Readonly<Record<Severity, number>> = { critical: 7, high: 14, medium: 30, low: 90 };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The default due time (ms) of an action raised at `from` (ms) for a finding of this severity. */
export function defaultDueAt(severity: Severity, from: number): number {
  return from + DUE_DAYS_BY_SEVERITY[severity] * DAY_MS;
}

/** An action's title: the item id and its statement, cut to fit a list row. */
export function actionTitle(itemId: string, itemText: string, max = 200): string {
  const title = `${itemId}: ${itemText.trim()}`;
  return title.length <= max ? title : `${title.slice(0, max - 1).trimEnd()}…`;
}
