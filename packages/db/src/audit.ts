import { randomUUID } from 'node:crypto';
import type { ObservationState, User } from '@minsheng/domain';
import type { Transaction } from 'kysely';
import { type Database, json, type NewAuditLog } from './schema.ts';

export interface AuditRecord {
  actor: Pick<User, 'id' | 'username'> | null;
  action: string;
  entity: string;
  entityId: string;
  regionCode: string | null;
  before?: unknown;
  after?: unknown;
  /** When it happened: the database's clock unless the writer replays a dated history. */
  at?: string | Date;
}

export function auditRow(record: AuditRecord): NewAuditLog {
  return {
    id: randomUUID(),
    ...(record.at === undefined ? {} : { at: record.at }),
    actor_id: record.actor?.id ?? null,
    actor_name: record.actor?.username ?? null,
    action: record.action,
    entity: record.entity,
    entity_id: record.entityId,
    region_code: record.regionCode,
    before: json(record.before ?? null),
    after: json(record.after ?? null),
  };
}

/**
 * Appends to the audit log inside the caller's transaction, so a write and its record go
 * together: one record (the router's writes) or many (a bulk load), 1000 rows a statement.
 */
export async function appendAudit(
  trx: Transaction<Database>,
  records: readonly AuditRecord[],
): Promise<void> {
  for (let i = 0; i < records.length; i += 1000) {
    await trx
      .insertInto('audit_log')
      .values(records.slice(i, i + 1000).map(auditRow))
      .execute();
  }
}

/** What the audit log keeps of an observation before and after a change. */
export interface ObservationAuditView {
  planId: string;
  indicatorId: string;
  year: number;
  raw: string;
  source: string | null;
  note: string | null;
  state: ObservationState;
  returnReason: string | null;
  version: number;
}
