import type { APIRoute } from 'astro';
import { importQuestions, MAX_QUESTION_FILE_BYTES } from '../../../../../../lib/authoring/import-questions.ts';
import { AppError, badRequest } from '../../../../../../lib/errors.ts';
import { handle, json, readBodyBytes } from '../../../../../../lib/http.ts';
import { runtime } from '../../../../../../lib/runtime.ts';
import { routeParams } from '../../../../_route-params.ts';

// POST /api/authoring/courses/:slug/questions/import (body: the file; application/xml = Moodle XML, text/plain = GIFT):
// {questions, skipped} — a preview; nothing is added to the draft until the editor saves it.
export const POST: APIRoute = handle(async (ctx) => {
  const { slug } = routeParams(ctx.params);
  const type = ctx.request.headers.get('content-type') ?? '';
  const format = /^(application|text)\/xml\b/i.test(type) ? 'moodle-xml' : /^text\/plain\b/i.test(type) ? 'gift' : null;
  if (!format) throw new AppError(415, 'Send a Moodle XML file as application/xml or a GIFT file as text/plain');
  const bytes = await readBodyBytes(ctx.request, MAX_QUESTION_FILE_BYTES);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('The file is not UTF-8 text');
  }
  const { db } = await runtime();
  return json(await importQuestions(db, { actor: ctx.locals.user!, slug: slug!, format, text }));
});
