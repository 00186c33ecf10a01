import type { Db } from '@minsheng/db';
import { dialects, openMigratedDb } from '@minsheng/db/testing';
import { ObservedValueTextSchema, type User } from '@minsheng/domain';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from './router.ts';
import { type Caller, callerFor, seedWorld } from './testing.ts';

/**
 * Every procedure of the router, called in process with generated input: arbitrary JSON-ish
 * values, and objects of the right shape whose fields are nasty (malformed Unicode, huge and
 * non-finite numbers, 10 MB strings, deep nesting, SQL and script fragments) or plausible (real
 * ids, years, values), so that generated calls get past validation into the handlers too.
 * Every call must end in a result or a TRPCError with a 4xx code, and a refused mutation must
 * leave the database exactly as it was.
 *
 * FUZZ_RUNS sets the number of calls (default 10,000).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const TEN_MB_CJK = '民'.repeat(5 * 1024 * 1024);
function deep(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  // fast-check prints a failing input: this one would overflow the printer's stack.
  Object.defineProperty(v, fc.toStringMethod, { value: () => `deep(${depth})` });
  return v;
}

const FRAGMENTS = [
  "'; drop table observations; --",
  "' or '1'='1",
  '1; select pg_sleep(10)',
  '"); delete from users where ("1"="1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '${7*7}{{7*7}}',
  '../../../etc/passwd',
  '\u0000',
  '\uD800',
  '\uDFFF\uD800x',
  '\u202Egnp.exe',
  '\uFEFF1',
  '１２３',
  '≥85%',
  '约2.5万',
  '是',
  '否',
  '1e309',
  'NaN',
  'Infinity',
  '-0',
  '0x1F',
  '__proto__',
  'constructor',
  ' ',
  '',
];

const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  {
    weight: 2,
    // Lone surrogates and other malformed UTF-16.
    arbitrary: fc
      .array(fc.integer({ min: 0xd700, max: 0xe000 }), { maxLength: 12 })
      .map((codes) => String.fromCharCode(...codes)),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 90, maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom(TEN_MB, TEN_MB_CJK) },
);

const nastyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER + 2,
    -(2 ** 53),
    2 ** 31,
    -(2 ** 31) - 1,
    1e308,
  ),
  fc.integer(),
  fc.bigInt(),
);

const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 4, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}) },
  { weight: 1, arbitrary: fc.constantFrom(deep(10_000, 1), deep(200, 'x')) },
  {
    weight: 2,
    arbitrary: fc.jsonValue({ maxDepth: 4 }),
  },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 5 }) },
);

interface Pools {
  planIds: string[];
  regionCodes: string[];
  indicatorIds: string[];
  projectIds: string[];
  userIds: string[];
  observationIds: string[];
}

const KEYS = [
  'planId',
  'indicatorId',
  'projectId',
  'regionCode',
  'id',
  'year',
  'value',
  'values',
  'source',
  'note',
  'reason',
  'state',
  'status',
  'progress',
  'expectedVersion',
  'username',
  'password',
  'currentPassword',
  'newPassword',
  'displayName',
  'role',
  'disabled',
  'entity',
  'entityId',
  'limit',
  'beforeSeq',
] as const;

function plausible(key: (typeof KEYS)[number], pools: Pools): fc.Arbitrary<unknown> {
  const pick = (xs: string[]) => (xs.length ? fc.constantFrom(...xs) : fc.constant('none'));
  switch (key) {
    case 'planId':
      return pick(pools.planIds);
    case 'indicatorId':
      return pick(pools.indicatorIds);
    case 'projectId':
      return pick(pools.projectIds);
    case 'regionCode':
      return pick(pools.regionCodes);
    case 'id':
      return fc.oneof(pick(pools.observationIds), pick(pools.userIds));
    case 'year':
      return fc.integer({ min: 2019, max: 2027 });
    case 'value':
      return fc.constantFrom('1', '2.5', '≥85%', '是', '否', '约3万', '100%', '-');
    case 'values':
      return fc.array(
        fc.record({ indicatorId: pick(pools.indicatorIds), value: fc.constantFrom('1', '3.5') }),
        { minLength: 1, maxLength: 3 },
      );
    case 'state':
      return fc.constantFrom('draft', 'submitted', 'approved', 'returned');
    case 'status':
      return fc.constantFrom('not_started', 'in_progress', 'completed', 'suspended');
    case 'progress':
      return fc.integer({ min: 0, max: 100 });
    case 'expectedVersion':
      return fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 4 }));
    case 'role':
      return fc.constantFrom('admin', 'editor', 'viewer');
    case 'disabled':
      return fc.boolean();
    case 'limit':
      return fc.integer({ min: 1, max: 500 });
    case 'beforeSeq':
      return fc.integer({ min: 1, max: 10_000 });
    case 'username':
      return fc.constantFrom('root', 'cx-editor', 'fuzz-user', 'nobody');
    case 'password':
    case 'currentPassword':
    case 'newPassword':
      return fc.constantFrom('correct horse battery', 'a much longer password', 'short');
    default:
      return fc.string({ maxLength: 20 });
  }
}

function inputArb(pools: Pools): fc.Arbitrary<unknown> {
  const field = (key: (typeof KEYS)[number]) =>
    fc.oneof({ weight: 12, arbitrary: plausible(key, pools) }, { weight: 1, arbitrary: nasty });
  const shaped = fc.record(Object.fromEntries(KEYS.map((k) => [k, field(k)])), {
    requiredKeys: [],
  });
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 2, arbitrary: nasty });
}

/** Everything a refused call must not have changed. */
async function fingerprint(db: Db, checksPassword: boolean): Promise<string> {
  const counts = await db.kysely
    .selectNoFrom((eb) => [
      eb.selectFrom('regions').select(eb.fn.countAll().as('n')).as('regions'),
      eb.selectFrom('plans').select(eb.fn.countAll().as('n')).as('plans'),
      eb.selectFrom('indicators').select(eb.fn.countAll().as('n')).as('indicators'),
      eb.selectFrom('projects').select(eb.fn.countAll().as('n')).as('projects'),
      eb
        .selectFrom('projects')
        .select((e) => e.fn.sum('version').as('n'))
        .as('project_versions'),
      eb.selectFrom('observations').select(eb.fn.countAll().as('n')).as('observations'),
      eb
        .selectFrom('observations')
        .select((e) => e.fn.sum('version').as('n'))
        .as('observation_versions'),
      eb.selectFrom('sessions').select(eb.fn.countAll().as('n')).as('sessions'),
      eb.selectFrom('audit_log').select(eb.fn.countAll().as('n')).as('audit'),
      eb.selectFrom('sign_in_throttle').select(eb.fn.countAll().as('n')).as('throttle'),
    ])
    .executeTakeFirstOrThrow();
  // A failed password check (signing in, changing one's password) is meant to count the
  // failure, and a failed sign-in to audit it.
  if (checksPassword) Object.assign(counts, { audit: 0, throttle: 0 });
  const users = await db.kysely
    .selectFrom('users')
    .select(['id', 'role', 'region_code', 'disabled', 'display_name', 'password_hash'])
    .orderBy('id')
    .execute();
  return JSON.stringify({ counts, users });
}

const procedures = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, { _def: { type: string } }> })
    .procedures,
).map(([path, p]) => ({ path, type: p._def.type }));

const SCRYPT = new Set([
  'auth.signIn',
  'auth.changePassword',
  'users.create',
  'users.resetPassword',
]);

function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

describe.skipIf(dialects[0]?.unavailable !== undefined)(
  'tRPC procedures under fuzzed input [pglite]',
  () => {
    let db: Db;
    let world: Awaited<ReturnType<typeof seedWorld>>;
    let pools: Pools;

    beforeAll(async () => {
      db = await openMigratedDb(dialects[0] as (typeof dialects)[number]);
      world = await seedWorld(db.kysely);
      const ids = async (q: Promise<{ id: string }[]>) => (await q).map((r) => r.id);
      pools = {
        planIds: [
          ...(await ids(db.kysely.selectFrom('plans').select('id').execute())),
          'no-such-plan',
        ],
        regionCodes: (await db.kysely.selectFrom('regions').select('code').execute()).map(
          (r) => r.code,
        ),
        indicatorIds: await ids(db.kysely.selectFrom('indicators').select('id').execute()),
        projectIds: await ids(db.kysely.selectFrom('projects').select('id').execute()),
        userIds: await ids(db.kysely.selectFrom('users').select('id').execute()),
        observationIds: ['no-such-observation'],
      };
    });
    afterAll(async () => {
      await db?.close();
    });

    it(`answers ${RUNS} generated calls over every procedure with a result or a 4xx, writing nothing when refused`, async () => {
      expect(procedures.length).toBeGreaterThan(20);
      const tally = { calls: 0, ok: 0, refused: 0, byCode: {} as Record<string, number> };
      const perProcedure: Record<string, number> = {};
      const users: (User | null)[] = [
        world.root,
        world.cxAdmin,
        world.cxEditor,
        world.cxViewer,
        world.lzEditor,
        null,
      ];

      const callers = new Map<number, Caller>();
      await fc.assert(
        fc.asyncProperty(
          // Procedures that hash a password spend 0.1 s in scrypt by design: fewer of those.
          fc.oneof(
            ...procedures.map((p) => ({
              weight: SCRYPT.has(p.path) ? 1 : 8,
              arbitrary: fc.constant(p),
            })),
          ),
          fc.constantFrom(...users.keys()),
          inputArb(pools),
          async (procedure, who, input) => {
            // A fuzzed signOut, password or user change can end a session: then open fresh ones.
            let caller = callers.get(who);
            if (!caller) {
              caller = await callerFor(db.kysely, users[who] ?? null, { clientIp: '203.0.113.9' });
              callers.set(who, caller);
            }
            if (/^(auth|users)\./.test(procedure.path) && procedure.type === 'mutation') {
              callers.clear();
            }
            const checksPassword =
              procedure.path === 'auth.signIn' || procedure.path === 'auth.changePassword';
            const before =
              procedure.type === 'mutation' ? await fingerprint(db, checksPassword) : '';
            tally.calls++;
            perProcedure[procedure.path] = (perProcedure[procedure.path] ?? 0) + 1;
            try {
              const result = await call(caller, procedure.path, input);
              tally.ok++;
              if (procedure.path === 'observations.saveDraft') {
                const saved = result as { id: string };
                pools.observationIds.push(saved.id);
              }
            } catch (error) {
              if (!(error instanceof TRPCError)) {
                throw new Error(`${procedure.path} threw a non-tRPC error: ${String(error)}`);
              }
              const status = getHTTPStatusCodeFromError(error);
              if (status >= 500) {
                throw new Error(
                  `${procedure.path} answered ${status} ${error.code}: ${error.message}`,
                  {
                    cause: error.cause,
                  },
                );
              }
              tally.refused++;
              tally.byCode[error.code] = (tally.byCode[error.code] ?? 0) + 1;
              if (procedure.type === 'mutation') {
                expect(
                  await fingerprint(db, checksPassword),
                  `${procedure.path} refused but wrote`,
                ).toBe(before);
              }
            }
          },
        ),
        { numRuns: RUNS, endOnFailure: true },
      );

      // Whatever got through is well formed: every stored value is one the grammar accepts.
      const stored = await db.kysely.selectFrom('observations').select(['raw', 'year']).execute();
      for (const o of stored)
        expect(ObservedValueTextSchema.safeParse(o.raw).success, o.raw).toBe(true);

      console.log(
        `[fuzz api] ${tally.calls} calls over ${procedures.length} procedures: ${tally.ok} answered, ${tally.refused} refused ${JSON.stringify(tally.byCode)}; ${stored.length} observations stored`,
      );
      expect(tally.calls).toBe(RUNS);
      expect(Object.keys(perProcedure).length).toBe(procedures.length);
      // The plausible inputs must reach the handlers, or the fuzz only tests zod.
      expect(tally.ok).toBeGreaterThan(RUNS / 50);
    }, 600_000);
  },
);
