import type { Action, Purpose, Subject } from '../../domain/policy/index.ts';
import type { OrganisationType, Role } from '../../domain/organisations/model.ts';

export interface MembershipView {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationCode: string;
  organisationType: OrganisationType;
  role: Role;
}

export interface AuthState {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  locale: 'nl' | 'en';
  csrfToken: string;
  authMethod: 'password' | 'oidc';
  memberships: MembershipView[];
  activeMembership: MembershipView | null;
  expiresAt: Date;
}

export interface AuditInfo {
  resourceType?: string;
  resourceId?: string | null;
  subjectOrganisationId?: string | null;
  purpose?: Purpose | null;
  details?: Record<string, unknown>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy action this route performs. Every route must declare one (default deny). */
    action?: Action;
    /** The route reads personal data: a successful read is audited with its purpose. */
    personalData?: boolean;
    /** Resource type written to the audit trail. */
    resourceType?: string;
    /** Unsafe method that needs no CSRF token (login: there is no session yet). */
    csrfExempt?: boolean;
  }
  interface FastifyRequest {
    auth: AuthState | null;
    subject: Subject | null;
    /** Set by the handler to enrich the audit row written for this request. */
    auditInfo: AuditInfo | null;
    /** True once the request's audit row was written (inside the write transaction). */
    audited: boolean;
    /** Session cookie was present but expired or revoked. */
    sessionExpired: boolean;
  }
}
