import type { ColumnType, Generated } from 'kysely';

/** Kysely table types; the SQL in /migrations is the source of truth. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** `date` columns travel as 'YYYY-MM-DD' strings (type parser set in database.ts). */
type PlainDate = ColumnType<string, string, string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

export interface RegionTable {
  id: Generated<string>;
  code: string;
  name: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrganisationTable {
  id: Generated<string>;
  code: string;
  name: string;
  type: string;
  parent_id: string | null;
  region_id: string | null;
  municipality_code: string | null;
  contact_role_label: string | null;
  email: string | null;
  phone: string | null;
  active: Generated<boolean>;
  deactivated_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  locale: Generated<string>;
  active: Generated<boolean>;
  deactivated_at: Timestamp | null;
  deactivation_reason: string | null;
  successor_id: string | null;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserIdentityTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: Timestamp;
}

export interface MembershipTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  role: string;
  active: Generated<boolean>;
  starts_on: PlainDate;
  ended_on: PlainDate | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserHandoverTable {
  id: Generated<string>;
  from_user_id: string;
  to_user_id: string;
  reason: string;
  items: Json<Record<string, unknown>>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface SessionTable {
  id: string;
  user_id: string;
  active_membership_id: string | null;
  csrf_token: string;
  auth_method: 'password' | 'oidc';
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface OidcLoginStateTable {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: Timestamp;
}

export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  content_type: string | null;
  created_at: Timestamp;
}

export interface CalendarDayTable {
  id: Generated<string>;
  date: PlainDate;
  name: string;
  name_en: string | null;
  kind: 'decree' | 'organisation';
  organisation_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface AuditLogTable {
  seq: Generated<string>;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  actor_role: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  subject_organisation_id: string | null;
  purpose: string | null;
  outcome: 'success' | 'denied' | 'failure';
  request_id: string | null;
  details: Json<Record<string, unknown>>;
  prev_hash: Generated<string>;
  hash: Generated<string>;
}

export interface SchemaMigrationTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface Database {
  regions: RegionTable;
  organisations: OrganisationTable;
  users: UserTable;
  user_identities: UserIdentityTable;
  memberships: MembershipTable;
  user_handovers: UserHandoverTable;
  sessions: SessionTable;
  oidc_login_states: OidcLoginStateTable;
  idempotency_keys: IdempotencyKeyTable;
  calendar_days: CalendarDayTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationTable;
}
