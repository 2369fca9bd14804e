import { z } from 'zod';
import { roles } from '../../lib/auth/permissions.ts';

// The admin page's forms: one op each, validated here before the domain operation runs.
export const adminFormSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('create'), name: z.string(), email: z.string(), role: z.enum(roles), department: z.string().optional(), password: z.string().max(256) }),
  z.object({ op: z.literal('update'), userId: z.string().min(1).max(64), role: z.enum(roles), department: z.string().max(120).optional() }),
  z.object({ op: z.literal('deactivate'), userId: z.string().min(1).max(64) }),
  z.object({ op: z.literal('reactivate'), userId: z.string().min(1).max(64) }),
  z.object({ op: z.literal('password'), userId: z.string().min(1).max(64), password: z.string().max(256) }),
]);
