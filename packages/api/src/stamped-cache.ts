/**
 * Results kept by key while a stamp read from the database is unchanged. The stamps come from
 * the change counters the database moves with every change to a plan, its indicators or its
 * observations (migration 0003), whoever writes. A caller reads the stamp before the data it
 * computes from, so a result is never kept under a stamp older than its data: at worst a
 * result newer than its stamp is recomputed once. Callers finding the same stamp share one
 * computation; a failed one is forgotten.
 */
export class StampedCache<T> {
  private readonly entries = new Map<string, { stamp: string; value: Promise<T> }>();
  /**
   * Computations made by every cache in this process: what the tests read to tell a kept result
   * from a new one, since each answer is a fresh copy once the router checks it against its
   * output schema.
   */
  static computations = 0;

  constructor(private readonly maxEntries: number) {}

  get(key: string, stamp: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    // Deleted and set again so the map's order is the order of use: the first key is the oldest.
    this.entries.delete(key);
    if (hit && hit.stamp === stamp) {
      this.entries.set(key, hit);
      return hit.value;
    }
    StampedCache.computations++;
    const entry = { stamp, value: compute() };
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  get size(): number {
    return this.entries.size;
  }
}
