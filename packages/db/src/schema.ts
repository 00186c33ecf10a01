import type {
  CanonicalKey,
  DocumentNote,
  FieldKey,
  FundingLevel,
  Nature,
  ObservationState,
  PlanKind,
  ProjectStatus,
  QuantityMention,
  RegionLevel,
  Role,
  ServiceField,
  SourceRef,
  Value,
} from '@minsheng/domain';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Timestamps come back from both drivers as Date and go in as Date or ISO text.
 * jsonb columns go in as JSON text (see `json()`), because the two drivers serialise
 * JavaScript arrays differently (pg turns them into PostgreSQL arrays).
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in (`default now()`) unless given. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
/** Text the domain's schemas checked on the way in, read back as its domain type. */
type Checked<T extends string> = ColumnType<T, string, string>;

/** What a project or task has reached, as its owners report it. Not in the domain yet. */

export interface RegionTable {
  code: string;
  name: string;
  level: Checked<RegionLevel>;
  parent_code: string | null;
  position: number;
}

export interface PlanTable {
  id: string;
  region_code: string;
  title: string;
  kind: Checked<PlanKind>;
  period_start: number;
  period_end: number;
  issuer: string;
  document_number: string | null;
  issue_date: string | null;
  basis: Json<string[]>;
  source: Json<{ file: string; url: string | null }>;
  indicator_table: Json<{ title: string; footnote: string | null } | null>;
  declared_service_count: number | null;
  service_fields: Json<ServiceField[]>;
  notes: Json<DocumentNote[]>;
  /** False once the region package no longer has the plan but observations still refer to it. */
  in_package: Generated<boolean>;
  position: number;
}

export interface IndicatorTable {
  plan_id: string;
  id: string;
  position: number;
  field_key: Checked<FieldKey>;
  field_label: string;
  name: string;
  unit: string | null;
  baseline_year: number;
  baseline_raw: string;
  baseline_value: Json<Value>;
  target_year: number;
  target_raw: string;
  target_value: Json<Value>;
  nature: Checked<Nature> | null;
  canonical_key: Checked<CanonicalKey> | null;
  source: Json<SourceRef>;
  note: string | null;
  in_package: Generated<boolean>;
}

export interface ServiceItemTable {
  plan_id: string;
  id: string;
  position: number;
  field_key: Checked<FieldKey>;
  field_label: string;
  name: string;
  content: string | null;
  target_group: string | null;
  standard: string | null;
  standard_amounts: Json<QuantityMention[]>;
  funding: string | null;
  funding_levels: Json<FundingLevel[]>;
  coverage: string | null;
  lead_department: string | null;
  table_name: string | null;
  source: Json<SourceRef>;
  note: string | null;
}

export interface ProjectTable {
  plan_id: string;
  id: string;
  position: number;
  kind: Checked<'project' | 'task'>;
  box: string;
  field_key: Checked<FieldKey>;
  field_label: string;
  group_name: string | null;
  number: number | null;
  name: string | null;
  text: string;
  quantities: Json<QuantityMention[]>;
  responsible: Json<string[]>;
  source: Json<SourceRef>;
  status: ColumnType<ProjectStatus, string | undefined, string>;
  progress: Generated<number>;
  status_note: string | null;
  status_updated_by: string | null;
  status_updated_at: Timestamp | null;
  version: Generated<number>;
  in_package: Generated<boolean>;
}

export interface ObservationTable {
  id: string;
  plan_id: string;
  indicator_id: string;
  year: number;
  raw: string;
  value: Json<Value>;
  source: string | null;
  note: string | null;
  state: Checked<ObservationState>;
  return_reason: string | null;
  entered_by: string;
  entered_at: Timestamp;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  updated_by: string;
  updated_at: Timestamp;
  version: number;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Checked<Role>;
  region_code: string;
  disabled: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface SessionTable {
  /** sha256 of the token; the token itself only ever lives in the cookie. */
  token_hash: string;
  user_id: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface SignInThrottleTable {
  /** `user:<name>` or `ip:<address>`. */
  key: string;
  failures: number;
  last_failure_at: Timestamp;
  blocked_until: Timestamp | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: DefaultTimestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string;
  region_code: string | null;
  before: Json<unknown>;
  after: Json<unknown>;
}

/** Moved by triggers on every change to a plan, its indicators or its observations (0003). */
export interface PlanChangesTable {
  plan_id: string;
  n: ColumnType<string, never, never>;
}

export interface SeedStateTable {
  key: string;
  hash: string;
  seeded_at: Timestamp;
}

export interface Database {
  regions: RegionTable;
  plans: PlanTable;
  indicators: IndicatorTable;
  service_items: ServiceItemTable;
  projects: ProjectTable;
  observations: ObservationTable;
  users: UserTable;
  sessions: SessionTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  seed_state: SeedStateTable;
  plan_changes: PlanChangesTable;
}

export type RegionRow = Selectable<RegionTable>;
export type NewRegion = Insertable<RegionTable>;
export type PlanRow = Selectable<PlanTable>;
export type NewPlan = Insertable<PlanTable>;
export type PlanUpdate = Updateable<PlanTable>;
export type IndicatorRow = Selectable<IndicatorTable>;
export type NewIndicator = Insertable<IndicatorTable>;
export type ServiceItemRow = Selectable<ServiceItemTable>;
export type NewServiceItem = Insertable<ServiceItemTable>;
export type ProjectRow = Selectable<ProjectTable>;
export type NewProject = Insertable<ProjectTable>;
export type ProjectUpdate = Updateable<ProjectTable>;
export type ObservationRow = Selectable<ObservationTable>;
export type NewObservation = Insertable<ObservationTable>;
export type ObservationUpdate = Updateable<ObservationTable>;
export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLog = Insertable<AuditLogTable>;

/** jsonb values go in as text, so both drivers store exactly the same JSON. */
export function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}
