// The filters HR lists and exports accept in their query string: department, course, status.
import { z } from 'zod';
import { badRequest } from '../errors.ts';
import { hrStatusFilters, type HrStatusFilter } from './hr-status-groups.ts';

/** `department=none` asks for people without a department. */
export const NO_DEPARTMENT = 'none';

export type HrFilters = { departmentId?: string; course?: string; status?: HrStatusFilter };

const optionalText = z.string().trim().max(120).optional().transform((v) => (v ? v : undefined));
export const hrFiltersSchema = z.object({
  department: optionalText,
  course: optionalText,
  status: z.enum(hrStatusFilters).optional().or(z.literal('').transform(() => undefined)),
});

/** Parses filters from a query string; `strict` (the API) throws on a bad status, pages just drop it. */
export function parseHrFilters(params: URLSearchParams, o: { strict?: boolean } = {}): HrFilters {
  const raw = { department: params.get('department') ?? undefined, course: params.get('course') ?? undefined, status: params.get('status') ?? undefined };
  const parsed = hrFiltersSchema.safeParse(raw);
  if (!parsed.success) {
    if (o.strict) throw badRequest('Unknown filter value', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))).as('error.unknownFilter');
    return parseHrFilters(new URLSearchParams({ department: raw.department ?? '', course: raw.course ?? '' }));
  }
  return { departmentId: parsed.data.department, course: parsed.data.course, status: parsed.data.status };
}

/** The query string for a set of filters (links from matrix cells, pagers and exports). */
export function hrFilterQuery(f: HrFilters, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  if (f.departmentId) params.set('department', f.departmentId);
  if (f.course) params.set('course', f.course);
  if (f.status) params.set('status', f.status);
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}
