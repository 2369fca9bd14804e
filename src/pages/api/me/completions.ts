import type { APIRoute } from 'astro';
import { handle, json } from '../../../lib/http.ts';
import { runtime } from '../../../lib/runtime.ts';
import { listMyCompletions } from '../../../lib/training/list-my-completions.ts';

export const GET: APIRoute = handle(async (ctx) => {
  const { db } = await runtime();
  return json(await listMyCompletions({ db, userId: ctx.locals.user!.id }));
});
