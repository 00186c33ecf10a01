import type { SourceRef } from '@minsheng/domain';

/** One place where the extraction damaged the text and the data holds the restored reading. */
export interface Restoration {
  where: SourceRef;
  /** What was restored, in words (本 dropped, 心 dropped, decimal point lost…). */
  what: string;
  /** The text as the seed has it, stray spaces removed. */
  original: string;
  restored: string;
}

/**
 * Collects restorations as the data is built, so each restored string and its note come from
 * the same call and cannot drift apart.
 */
export class Restorations {
  readonly list: Restoration[] = [];
  fix(where: SourceRef, what: string, original: string, restored: string): string {
    this.list.push({ where, what, original, restored });
    return restored;
  }
}

export const restorations = new Restorations();

/** True when `restored` is `original` with only 本 put back (the one kind noted once). */
export function onlyBen(original: string, restored: string): boolean {
  return original !== restored && restored.replaceAll('本', '') === original.replaceAll('本', '');
}
