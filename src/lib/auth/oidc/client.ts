// The relying-party side of the firm's OpenID provider, with openid-client (a certified library):
// discovery is fetched once per process (again after a failure), and the provider's keys are cached
// by the library, which fetches them again when a token names a key it does not know.
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.ts';
import { failureFromDiscoveryError } from './failure.ts';

const TIMEOUT_MS = 10_000;

let cached: { key: string; configuration: Promise<client.Configuration> } | undefined;

const timedFetch: client.CustomFetch = (url, options) => fetch(url, { ...options, signal: AbortSignal.timeout(TIMEOUT_MS) } as RequestInit);

/** The discovered provider configuration; throws an OidcFailure('unreachable') when discovery fails. */
export async function providerConfiguration(cfg: OidcConfig): Promise<client.Configuration> {
  const key = `${cfg.issuer}\n${cfg.clientId}`;
  if (!cached || cached.key !== key) {
    const execute = [client.enableNonRepudiationChecks, ...(cfg.allowHttp ? [client.allowInsecureRequests] : [])];
    const metadata: Partial<client.ClientMetadata> = cfg.clientSecret ? { client_secret: cfg.clientSecret } : {};
    const configuration = client.discovery(new URL(cfg.issuer), cfg.clientId, metadata, cfg.clientSecret ? undefined : client.None(), {
      execute,
      [client.customFetch]: timedFetch,
    });
    cached = { key, configuration };
    // a failed discovery is not remembered: the next sign-in tries again
    configuration.catch(() => {
      if (cached?.configuration === configuration) cached = undefined;
    });
  }
  try {
    return await cached.configuration;
  } catch (err) {
    throw failureFromDiscoveryError(err);
  }
}
