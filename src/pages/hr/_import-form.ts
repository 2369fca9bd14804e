import { badRequest } from '../../lib/errors.ts';
import { readFormData } from '../../lib/http.ts';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** The CSV text of the /hr/import form: the uploaded file if one was chosen, else the pasted text; must be UTF-8. */
export async function readImportForm(request: Request): Promise<string> {
  const form = await readFormData(request, MAX_IMPORT_BYTES);
  const file = form.get('file');
  let raw: Uint8Array | null = null;
  if (file instanceof File && file.size > 0) raw = new Uint8Array(await file.arrayBuffer());
  if (!raw) return String(form.get('csv') ?? '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw badRequest('The file is not UTF-8 text: in Excel choose "CSV UTF-8" when saving').as('error.notUtf8');
  }
}
