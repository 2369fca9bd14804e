import * as client from 'openid-client';
import type { OidcConfig } from '../../config.ts';
import { providerConfiguration } from './client.ts';

/**
 * Where to send the browser after our session ended, when the provider offers RP-initiated logout
 * (an `end_session_endpoint`); null otherwise, or when the provider cannot be reached.
 */
export async function providerLogoutUrl(cfg: OidcConfig): Promise<string | null> {
  try {
    const configuration = await providerConfiguration(cfg);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(configuration, { client_id: cfg.clientId, post_logout_redirect_uri: cfg.postLogoutRedirectUri }).href;
  } catch {
    return null;
  }
}
