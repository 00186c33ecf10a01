import { randomUUID } from 'node:crypto';
import { type Database, json, type Transaction } from '@minsheng/db';
import type { User } from '@minsheng/domain';

export interface AuditRecord {
  actor: User | null;
  action: string;
  entity: string;
  entityId: string;
  regionCode: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log inside the caller's transaction, so a write and its record go together. */
export async function audit(trx: Transaction<Database>, record: AuditRecord): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      actor_id: record.actor?.id ?? null,
      actor_name: record.actor?.username ?? null,
      action: record.action,
      entity: record.entity,
      entity_id: record.entityId,
      region_code: record.regionCode,
      before: json(record.before ?? null),
      after: json(record.after ?? null),
    })
    .execute();
}
