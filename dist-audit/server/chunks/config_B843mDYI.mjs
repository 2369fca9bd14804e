import path from "node:path";
import { z } from "zod";
// src/lib/config.ts
var schema = z.object({
	DATABASE_URL: z.string().min(1).optional(),
	DATABASE_AUTH_TOKEN: z.string().optional(),
	LMS_DATA_DIR: z.string().default("./data"),
	LMS_CONTENT_DIR: z.string().default("./content"),
	LMS_SIGNING_P12: z.string().optional(),
	LMS_SIGNING_PASSPHRASE: z.string().optional(),
	LMS_ORGANISATION: z.string().default("Example Advisory Ltd."),
	LMS_TRUSTED_PROXY_HEADER: z.string().optional(),
	NODE_ENV: z.string().default("development")
});
/** Reads and validates the environment; throws naming the bad variable. */
function loadConfig(env = process.env) {
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`Invalid configuration: ${issue?.path.join(".")}: ${issue?.message}`);
	}
	const e = parsed.data;
	const dataDir = path.resolve(e.LMS_DATA_DIR);
	return {
		databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, "lms.db")}`,
		databaseAuthToken: e.DATABASE_AUTH_TOKEN,
		dataDir,
		contentDir: path.resolve(e.LMS_CONTENT_DIR),
		signingP12: e.LMS_SIGNING_P12,
		signingPassphrase: e.LMS_SIGNING_PASSPHRASE,
		organisation: e.LMS_ORGANISATION,
		trustedProxyHeader: e.LMS_TRUSTED_PROXY_HEADER?.toLowerCase(),
		production: e.NODE_ENV === "production"
	};
}
var cached;
/** The process-wide configuration, read once. */
function config() {
	cached ??= loadConfig();
	return cached;
}
export { config as t };
