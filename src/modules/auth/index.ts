/** Auth: local login (argon2id, lockout, rate limit), sessions, CSRF, organisation switcher, OpenID Connect. */
import { modulePlugin } from '../../platform/http/app.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { authRoutes } from './routes.ts';

export const authModule: ModuleDescriptor = {
  name: 'auth',
  routes: [{ plugin: modulePlugin(authRoutes), prefix: '/api/v1/auth' }],
};

// Public API for other modules (sessions themselves are a platform service: src/platform/auth/sessions.ts).
export { MIN_PASSWORD_LENGTH, assertPasswordAllowed, hashPassword } from './passwords.ts';
export { unlockUser } from './lockout.ts';
