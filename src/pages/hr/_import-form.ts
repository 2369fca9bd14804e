import { AppError, badRequest } from '../../lib/errors.ts';
import { readBodyBytes } from '../../lib/http.ts';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** The CSV text of the /hr/import form: the uploaded file if one was chosen, else the pasted text; must be UTF-8. */
export async function readImportForm(request: Request): Promise<string> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) throw new AppError(415, 'Send the form as multipart/form-data');
  // read with a limit first, so a huge upload is refused before it is buffered whole
  const bytes = await readBodyBytes(request, MAX_IMPORT_BYTES);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData();
  } catch {
    throw badRequest('The form could not be read');
  }
  const file = form.get('file');
  let raw: Uint8Array | null = null;
  if (file instanceof File && file.size > 0) raw = new Uint8Array(await file.arrayBuffer());
  if (!raw) return String(form.get('csv') ?? '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw badRequest('The file is not UTF-8 text: in Excel choose "CSV UTF-8" when saving');
  }
}
