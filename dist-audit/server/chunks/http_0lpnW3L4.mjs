import { t as AppError } from "./errors_BHtcPHCU.mjs";
import "zod";
// src/lib/http.ts
var MAX_JSON_BYTES = 262144;
/** A JSON response. */
function json(body, status = 200, headers = {}) {
	return new Response(JSON.stringify(body), {
		status,
		headers: {
			"content-type": "application/json; charset=utf-8",
			"cache-control": "no-store",
			...headers
		}
	});
}
/** The API's error shape, `{ error, details? }`. */
function errorResponse(status, error, details) {
	return json(details === void 0 ? { error } : {
		error,
		details
	}, status);
}
/** Turns anything thrown by a handler into the API's error shape; unexpected errors are logged without request data. */
function toErrorResponse(err) {
	if (err instanceof AppError) {
		const headers = {};
		const retry = err.details?.retryAfterSeconds;
		if (err.status === 429 && retry) headers["retry-after"] = String(retry);
		return json(err.details === void 0 ? { error: err.message } : {
			error: err.message,
			details: err.details
		}, err.status, headers);
	}
	console.error("Unhandled error:", err instanceof Error ? err.stack : String(err));
	return errorResponse(500, "Something went wrong on our side");
}
/** Reads a body up to a limit, refusing larger ones with 413 without buffering them whole. */
async function readBodyBytes(request, maxBytes) {
	if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw new AppError(413, `Request body is larger than ${maxBytes} bytes`);
	if (!request.body) return /* @__PURE__ */ new Uint8Array();
	const chunks = [];
	let total = 0;
	const reader = request.body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > maxBytes) {
			await reader.cancel();
			throw new AppError(413, `Request body is larger than ${maxBytes} bytes`);
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks);
}
/** Parses a JSON body against a zod schema: 415 for another content type, 400 for bad JSON or a wrong shape. */
async function readJson(request, schema, maxBytes = MAX_JSON_BYTES) {
	const type = request.headers.get("content-type") ?? "";
	if (!/^application\/json\b/i.test(type)) throw new AppError(415, "Send the body as application/json");
	const bytes = await readBodyBytes(request, maxBytes);
	let data;
	try {
		data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
	} catch {
		throw new AppError(400, "The body is not valid JSON");
	}
	const parsed = schema.safeParse(data);
	if (!parsed.success) throw new AppError(400, "The request is malformed", parsed.error.issues.map((i) => ({
		path: i.path.join("."),
		message: i.message
	})));
	return parsed.data;
}
/** Wraps an endpoint so every thrown error becomes the `{error}` shape. */
function handle(fn) {
	return async (ctx) => {
		try {
			return await fn(ctx);
		} catch (err) {
			return toErrorResponse(err);
		}
	};
}
/** The client's address: the socket's, or behind a proxy the first hop of the one configured trusted header. */
function clientAddressOf(request, socketAddress, trustedHeader) {
	if (trustedHeader) {
		const forwarded = request.headers.get(trustedHeader)?.split(",")[0]?.trim();
		if (forwarded) return forwarded;
	}
	return socketAddress ?? "unknown";
}
/** Parses a multipart (or urlencoded) form body read up to a limit (413 beyond it); 400 when it is not a form. */
async function readFormData(request, maxBytes) {
	const type = request.headers.get("content-type") ?? "";
	if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) throw new AppError(415, "Send the body as multipart/form-data");
	const bytes = await readBodyBytes(request, maxBytes);
	try {
		return await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData();
	} catch {
		throw new AppError(400, "The form data is malformed");
	}
}
export { readBodyBytes as a, json as i, errorResponse as n, readFormData as o, handle as r, readJson as s, clientAddressOf as t };
