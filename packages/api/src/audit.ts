import { type AuditRecord, appendAudit, type Database, type Transaction } from '@minsheng/db';

export type { AuditRecord } from '@minsheng/db';

/** Appends to the audit log inside the caller's transaction, so a write and its record go together. */
export async function audit(trx: Transaction<Database>, record: AuditRecord): Promise<void> {
  await appendAudit(trx, [record]);
}
