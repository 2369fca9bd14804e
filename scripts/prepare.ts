// What every entry point does first: migrate the database and, on an empty one, seed the demo.
import { isEmpty, seedDemo } from '../db/seed.ts';
import '../db/seed-extensions.ts';
import { systemActor } from '../src/lib/auth/permissions.ts';
import { hasNoContent, importContent } from '../src/lib/authoring/import-content.ts';
import { refreshCatalog } from '../src/lib/content/catalog.ts';
import { loadCatalog } from '../src/lib/content/load-content.ts';
import { config } from '../src/lib/config.ts';
import { getDb } from '../src/lib/db/client.ts';
import { migrateDatabase } from '../src/lib/db/migrate.ts';
import { orgSigningIdentity } from '../src/lib/reports/org-signing.ts';

/** Migrates; imports content/ into a database without content; seeds the demo organisation into an empty database unless in production. */
export async function prepare(o: { seed: boolean; signing?: boolean }) {
  const db = await getDb();
  await migrateDatabase(db);
  // the database is the source of truth for published content; content/ is only its first version
  if (await hasNoContent(db)) {
    const { published } = await importContent(db, { source: loadCatalog(config().contentDir), actor: systemActor, log: false });
    console.log(`Imported ${published.length} courses and checklists from ${config().contentDir}.`);
  }
  await refreshCatalog(db);
  if (o.seed && !config().production && (await isEmpty(db))) {
    const logins = await seedDemo(db);
    console.log('\nDemo organisation created. These passwords are shown only once:\n');
    for (const l of logins) console.log(`  ${l.role.padEnd(9)} ${l.email.padEnd(26)} ${l.password}`);
    console.log('');
  }
  // made (or loaded) now, so the first signature does not pay for it and a bad LMS_SIGNING_P12 fails the start
  if (o.signing !== false) await orgSigningIdentity();
  return db;
}
