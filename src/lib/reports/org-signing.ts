import { config } from '../config.ts';
import { loadSigningIdentity, type LoadSigningIdentityOptions } from './signing-identity.ts';

/** The signing options of this install: the configured PKCS#12, or the self-signed certificate in the data directory. */
export function orgSigningOptions(): LoadSigningIdentityOptions {
  const c = config();
  return { dataDir: c.dataDir, organisation: c.organisation, p12Path: c.signingP12, passphrase: c.signingPassphrase };
}

/** The organisation's signing identity (loaded once per process). */
export function orgSigningIdentity() {
  return loadSigningIdentity(orgSigningOptions());
}
