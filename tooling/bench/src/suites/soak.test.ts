import { describe, expect, it } from 'vitest';
import { postgresAdminUrl, psql } from './scale.ts';
import { runSoak, soakLines } from './soak.ts';

// The soak of issue 8 in the short form CI runs: the same code as `pnpm bench soak`, 100 clients
// for SOAK_TEST_SECONDS (20 by default) instead of five minutes.

const CLIENTS = 100;
const SECONDS = Number(process.env.SOAK_TEST_SECONDS || 20);

const probe = psql(postgresAdminUrl(), 'select 1');
const unavailable = probe.ok ? null : probe.err || 'no answer';
if (unavailable) {
  const message = `PostgreSQL at ${new URL(postgresAdminUrl()).host} does not answer (${unavailable})`;
  if (process.env.CI === 'true')
    throw new Error(`${message}: in CI the soak must run, never skip.`);
  console.warn(`\n*** ${message}.\n*** THE SOAK IS SKIPPED. ***\n`);
}

describe.skipIf(unavailable !== null)('soak on PostgreSQL (short form)', () => {
  it(`${CLIENTS} clients for ${SECONDS} s: every acknowledged write stored, no 5xx, RSS flat`, async () => {
    const r = await runSoak({
      clients: CLIENTS,
      seconds: SECONDS,
      log: (line) => console.log(`  [soak] ${line}`),
    });
    console.log(soakLines(r).join('\n'));

    expect(r.clients).toBe(CLIENTS);
    // Enough work that a loss or a leak would have had the chance to show.
    expect(r.acknowledged).toBeGreaterThanOrEqual(CLIENTS);
    expect(r.reads).toBeGreaterThanOrEqual(CLIENTS);
    expect(r.found).toBe(r.acknowledged);
    expect(r.lost).toBe(0);
    expect(r.finalMismatches).toBe(0);
    expect(r.versionGaps).toBe(0);
    expect(r.staleReads).toBe(0);
    expect(r.status5xx).toBe(0);
    expect(r.failed).toBe(0);
    expect(r.serverErrors).toBe(0);
    expect(r.serverAlive).toBe(true);
    expect(r.rss.flat, `RSS ${JSON.stringify(r.rss.samples)}`).toBe(true);
    expect(r.problems).toEqual([]);
  });
});
