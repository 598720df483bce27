import type { App } from '../../platform/http/app.ts';
import type { OidcConfig } from '../../platform/config/config.ts';

/** OpenID Connect login (authorization code + PKCE). Implemented in the OIDC work item. */
export async function oidcRoutes(_app: App, _opts: { oidc: OidcConfig }) {}
