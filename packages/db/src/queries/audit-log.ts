import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { toAuditEntry } from './map.ts';

export interface AuditQuery {
  regionCodes: readonly string[];
  entity?: string | undefined;
  entityId?: string | undefined;
  /** Entries before this sequence number only: the next page. */
  beforeSeq?: number | undefined;
  limit: number;
}

/** Audit log entries of some regions, newest first. */
export async function auditEntries(db: Kysely<Database>, q: AuditQuery) {
  const { entity, entityId, beforeSeq } = q;
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('region_code', 'in', q.regionCodes)
    .$if(entity !== undefined, (b) => b.where('entity', '=', entity ?? ''))
    .$if(entityId !== undefined, (b) => b.where('entity_id', '=', entityId ?? ''))
    .$if(beforeSeq !== undefined, (b) => b.where('seq', '<', beforeSeq ?? 0))
    .orderBy('seq', 'desc')
    .limit(q.limit)
    .execute();
  return rows.map(toAuditEntry);
}
