import type {
  Database,
  ExpressionBuilder,
  IndicatorRow,
  ObservationRow,
  RegionRow,
  UserRow,
} from '@minsheng/db';
import type { ObservationOut, Region, User } from '@minsheng/domain';
import { indicatorOf } from './domain-plan.ts';

// Rows to domain objects. The database only holds what the domain schemas accepted on the way
// in, so these read rather than re-validate.

export function iso(date: Date | string): string {
  return (date instanceof Date ? date : new Date(date)).toISOString();
}

/**
 * `where` for the user named `username` regardless of case: names are unique that way (the
 * unique index on lower(username), migration 0004, which this condition uses).
 */
export function sameUsername(username: string) {
  return (eb: ExpressionBuilder<Database, 'users'>) =>
    eb(eb.fn('lower', ['username']), '=', eb.fn('lower', [eb.val(username)]));
}

export function toRegion(row: RegionRow): Region {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parent_code,
  };
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    regionCode: row.region_code,
    disabled: row.disabled,
  };
}

export type ObservationWithNames = ObservationRow & {
  entered_by_name: string;
  reviewed_by_name: string | null;
  updated_by_name: string;
  submitted_by_name: string | null;
};

export function toObservation(row: ObservationWithNames): ObservationOut {
  return {
    id: row.id,
    planId: row.plan_id,
    indicatorId: row.indicator_id,
    year: row.year,
    raw: row.raw,
    value: row.value,
    source: row.source,
    note: row.note,
    state: row.state,
    returnReason: row.return_reason,
    enteredBy: row.entered_by_name,
    enteredAt: iso(row.entered_at),
    reviewedBy: row.reviewed_by_name,
    reviewedAt: row.reviewed_at ? iso(row.reviewed_at) : null,
    submittedBy: row.submitted_by_name,
    submittedAt: row.submitted_at ? iso(row.submitted_at) : null,
    updatedBy: row.updated_by_name,
    updatedAt: iso(row.updated_at),
    version: row.version,
  };
}

/** The domain's indicator as the API sends it: with its plan, an explicit null note, in-package. */
export function toIndicator(row: IndicatorRow) {
  return {
    planId: row.plan_id,
    ...indicatorOf(row),
    note: row.note,
    inPackage: row.in_package,
  };
}
