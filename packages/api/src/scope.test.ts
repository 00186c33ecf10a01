import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Db, seedCatalog } from '@minsheng/db';
import { describeEachDialect, fixturePackages, openMigratedDb } from '@minsheng/db/testing';
import type { Role, User } from '@minsheng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from './router.ts';
import { addUser, type Caller, callerFor, TEST_PASSWORD } from './testing.ts';

/**
 * Every procedure of the router, called by users of a county, its city, the province and a
 * sibling county, about the plans, regions, observations and users of every region of a world
 * with two cities: ancestors, descendants, siblings and cousins of each caller's scope. Each call
 * is either refused (FORBIDDEN or NOT_FOUND) or answers with nothing of a region the caller may
 * not read. The tree and what a scope reaches are written out here by hand, apart from the code
 * under test.
 *
 *   四川省 510000 ─┬─ 广元市 510800 ─┬─ 利州区 510802
 *                  │                 └─ 苍溪县 510824
 *                  └─ 达州市 511700 ─── 通川区 511702
 */
const REGIONS = {
  '510000': { name: '四川省', parent: null },
  '510800': { name: '广元市', parent: '510000' },
  '510802': { name: '利州区', parent: '510800' },
  '510824': { name: '苍溪县', parent: '510800' },
  '511700': { name: '达州市', parent: '510000' },
  '511702': { name: '通川区', parent: '511700' },
} as const;
type Code = keyof typeof REGIONS;
const CODES = Object.keys(REGIONS) as Code[];
const planOf = (code: Code) => `plan-${code}`;
/** A plan table the importer reads (no region of the test world named in it). */
const PLAN_TEXT = readFileSync(
  new URL('../../importer/corpus/files/qingling-tsv.txt', import.meta.url),
  'utf8',
);

/** The callers' scopes: a county, its city, the province, and the county beside the first. */
const SCOPES = { county: '510824', city: '510800', province: '510000', sibling: '510802' } as const;
const ROLES: Role[] = ['admin', 'editor', 'viewer'];

function chain(code: Code): Code[] {
  const up: Code[] = [];
  for (let c: Code | null = code; c; c = REGIONS[c].parent) up.push(c);
  return up;
}
const within = (code: Code, scope: Code) => chain(code).includes(scope);
/** Plan data reaches the scope, everything below it and the regions above it. */
const readable = (code: Code, scope: Code) => within(code, scope) || chain(scope).includes(code);

type Need = 'anyone' | 'read' | 'write' | 'approve' | 'manageUsers' | 'readAudit';
const ROLES_FOR: Record<Exclude<Need, 'anyone' | 'read'>, readonly Role[]> = {
  write: ['admin', 'editor'],
  approve: ['admin', 'editor'],
  manageUsers: ['admin'],
  readAudit: ['admin', 'editor'],
};

function allowed(need: Need, who: Who, code: Code): boolean {
  if (need === 'anyone') return true;
  if (need === 'read') return readable(code, who.scopeCode);
  return within(code, who.scopeCode) && ROLES_FOR[need].includes(who.role);
}

interface Who {
  scopeCode: Code;
  role: Role;
  user: User;
  caller: Caller;
}

interface Setup {
  db: Db;
  /** Enters a draft as the region's clerk (never a caller of the matrix). */
  draft(code: Code): Promise<{ id: string; expectedVersion: number }>;
  submitted(code: Code): Promise<{ id: string; expectedVersion: number }>;
  freeSlot(code: Code): { indicatorId: string; year: number };
  projectVersion(code: Code): Promise<number>;
  newUser(code: Code, role?: Role): Promise<User>;
}

/**
 * A case marked `own` takes no region, plan or record of the caller's choosing (the caller's own
 * account, the default scope): it runs once, against the caller's own region.
 */
type Case = [
  name: string,
  need: Need,
  call: (who: Who, code: Code, s: Setup) => Promise<unknown>,
  own?: 'own',
];

const CASES: Case[] = [
  ['auth.me', 'anyone', ({ caller }) => caller.auth.me(), 'own'],
  [
    'auth.signIn',
    'anyone',
    async ({ user }, _code, s) =>
      (await callerFor(s.db.kysely, null)).auth.signIn({
        username: user.username,
        password: TEST_PASSWORD,
      }),
    'own',
  ],
  [
    'auth.signOut',
    'anyone',
    async ({ user }, _c, s) => (await callerFor(s.db.kysely, user)).auth.signOut(),
    'own',
  ],
  [
    'auth.changePassword',
    'anyone',
    async ({ user, scopeCode }, _c, s) =>
      (await callerFor(s.db.kysely, await s.newUser(scopeCode, user.role))).auth.changePassword({
        currentPassword: TEST_PASSWORD,
        newPassword: 'a new long enough password',
      }),
    'own',
  ],
  ['regions.tree', 'anyone', ({ caller }) => caller.regions.tree(), 'own'],
  ['regions.list', 'anyone', ({ caller }) => caller.regions.list(), 'own'],
  ['plans.list', 'anyone', ({ caller }) => caller.plans.list(), 'own'],
  ['plans.list', 'read', ({ caller }, code) => caller.plans.list({ regionCode: code })],
  ['plans.get', 'read', ({ caller }, code) => caller.plans.get({ planId: planOf(code) })],
  ['plans.full', 'read', ({ caller }, code) => caller.plans.full({ planId: planOf(code) })],
  [
    'indicators.list',
    'read',
    ({ caller }, code) => caller.indicators.list({ planId: planOf(code) }),
  ],
  ['standards.list', 'read', ({ caller }, code) => caller.standards.list({ planId: planOf(code) })],
  ['projects.list', 'read', ({ caller }, code) => caller.projects.list({ planId: planOf(code) })],
  [
    'observations.list',
    'read',
    ({ caller }, code) =>
      caller.observations.list({ planId: planOf(code), indicatorId: 'nursery-places' }),
  ],
  [
    'observations.saveDraft',
    'write',
    ({ caller }, code, s) =>
      caller.observations.saveDraft({
        planId: planOf(code),
        ...s.freeSlot(code),
        value: '1',
        expectedVersion: null,
      }),
  ],
  [
    'observations.saveSheet',
    'write',
    ({ caller }, code, s) => {
      const { indicatorId, year } = s.freeSlot(code);
      return caller.observations.saveSheet({
        planId: planOf(code),
        year,
        mode: 'draft',
        cells: [{ indicatorId, value: '1', source: null, note: null, expectedVersion: null }],
      });
    },
  ],
  [
    'importer.draft',
    'manageUsers',
    ({ caller }, code) =>
      caller.importer.draft({
        fileName: 'plan.txt',
        regionCode: code,
        name: 'qingling',
        content: { encoding: 'text', data: PLAN_TEXT },
      }),
  ],
  [
    'observations.importBatch',
    'write',
    ({ caller }, code, s) => {
      const { indicatorId, year } = s.freeSlot(code);
      return caller.observations.importBatch({
        planId: planOf(code),
        year,
        values: [{ indicatorId, value: '1' }],
      });
    },
  ],
  [
    'observations.submit',
    'write',
    async ({ caller }, code, s) => caller.observations.submit(await s.draft(code)),
  ],
  [
    'observations.approve',
    'approve',
    async ({ caller }, code, s) => caller.observations.approve(await s.submitted(code)),
  ],
  [
    'observations.return',
    'approve',
    async ({ caller }, code, s) =>
      caller.observations.return({ ...(await s.submitted(code)), reason: '请核实' }),
  ],
  [
    'projects.updateStatus',
    'write',
    async ({ caller }, code, s) =>
      caller.projects.updateStatus({
        planId: planOf(code),
        projectId: 'nursery-building',
        status: 'in_progress',
        progress: 10,
        expectedVersion: await s.projectVersion(code),
      }),
  ],
  [
    'evaluation.plan',
    'read',
    ({ caller }, code) => caller.evaluation.plan({ planId: planOf(code), year: 2023 }),
  ],
  [
    'evaluation.region',
    'read',
    async ({ caller }, code) => {
      const summary = await caller.evaluation.region({ regionCode: code, year: 2023 });
      // The totals are those of the plans shown, not of plans left out.
      const sum: Record<string, number> = {};
      for (const p of summary.plans)
        for (const [status, n] of Object.entries(p.byStatus)) sum[status] = (sum[status] ?? 0) + n;
      expect(summary.totals).toEqual(sum);
      return summary;
    },
  ],
  [
    'evaluation.checks',
    'read',
    ({ caller }, code) => caller.evaluation.checks({ planId: planOf(code) }),
  ],
  [
    'evaluation.alignment',
    'read',
    ({ caller }, code) => caller.evaluation.alignment({ planId: planOf(code) }),
  ],
  ['audit.list', 'readAudit', ({ caller }) => caller.audit.list(), 'own'],
  ['audit.list', 'readAudit', ({ caller }, code) => caller.audit.list({ regionCode: code })],
  ['users.list', 'manageUsers', ({ caller }) => caller.users.list(), 'own'],
  ['users.list', 'manageUsers', ({ caller }, code) => caller.users.list({ regionCode: code })],
  [
    'users.create',
    'manageUsers',
    ({ caller }, code) =>
      caller.users.create({
        username: `u-${randomUUID().slice(0, 8)}`,
        displayName: '新用户',
        role: 'viewer',
        regionCode: code,
        password: 'a long enough password',
      }),
  ],
  [
    'users.update',
    'manageUsers',
    async ({ caller }, code, s) =>
      caller.users.update({ id: (await s.newUser(code)).id, role: 'editor' }),
  ],
  [
    'users.resetPassword',
    'manageUsers',
    async ({ caller }, code, s) =>
      caller.users.resetPassword({
        id: (await s.newUser(code)).id,
        password: 'another long password',
      }),
  ],
];

/**
 * What in an answer would betray a region the caller may not read: its name (plan titles and
 * issuers carry it), its plan's id, or its code as a record's region. The region list itself is
 * public: every signed-in user sees the tree.
 */
function leaks(name: string, result: unknown, scope: Code): string[] {
  if (name.startsWith('regions.')) return [];
  const text = JSON.stringify(result ?? null);
  const found: string[] = [];
  for (const code of CODES) {
    if (readable(code, scope)) continue;
    for (const marker of [REGIONS[code].name, planOf(code), `"regionCode":"${code}"`]) {
      if (text.includes(marker)) found.push(marker);
    }
  }
  return found;
}

/** The test world: a plan in every region, with indicators enough for every write below. */
function world() {
  return fixturePackages((packages) => {
    const template = packages.find((p) => p.plans.length > 0)?.plans[0];
    const first = template?.indicators[0];
    if (!template || !first) throw new Error('the fixture has no plan to copy');
    const extra = Array.from({ length: 18 }, (_, i) => ({
      ...first,
      id: `extra-${i}`,
      canonicalKey: null,
    }));
    packages.length = 0;
    for (const code of CODES) {
      const { name, parent } = REGIONS[code];
      const level = parent === null ? 'province' : code.endsWith('00') ? 'prefecture' : 'county';
      packages.push({
        region: { code, name, level, parentCode: parent },
        plans: [
          {
            ...structuredClone(template),
            id: planOf(code),
            regionCode: code,
            title: `${name}“十四五”公共服务规划`,
            issuer: `${name}人民政府`,
            source: { file: `${planOf(code)}.txt`, url: null },
            indicators: [...structuredClone(template.indicators), ...extra],
          },
        ],
      });
    }
  });
}

describeEachDialect('scope matrix', (dialect) => {
  const callers: Who[] = [];
  let setup: Setup;

  beforeAll(async () => {
    const db = await openMigratedDb(dialect);
    const packages = world();
    await seedCatalog(db.kysely, packages);
    const indicatorIds = packages[0]?.plans[0]?.indicators.map((i) => i.id) ?? [];
    for (const [scope, code] of Object.entries(SCOPES)) {
      for (const role of ROLES) {
        const user = await addUser(db.kysely, `${scope}-${role}`, role, code);
        callers.push({ scopeCode: code, role, user, caller: await callerFor(db.kysely, user) });
      }
    }
    const clerks = new Map<Code, Caller>();
    for (const code of CODES) {
      clerks.set(
        code,
        await callerFor(db.kysely, await addUser(db.kysely, `clerk-${code}`, 'editor', code)),
      );
    }
    const root = await callerFor(db.kysely, await addUser(db.kysely, 'root', 'admin', '510000'));
    const slots = new Map<Code, number>();
    const freeSlot = (code: Code) => {
      const n = slots.get(code) ?? 0;
      slots.set(code, n + 1);
      const indicatorId = indicatorIds[n % indicatorIds.length];
      if (!indicatorId || n >= indicatorIds.length * 5) {
        throw new Error('the matrix ran out of indicator-years');
      }
      return { indicatorId, year: 2021 + Math.floor(n / indicatorIds.length) };
    };
    const clerk = (code: Code) => {
      const c = clerks.get(code);
      if (!c) throw new Error(`no clerk for ${code}`);
      return c;
    };
    const draft = async (code: Code) => {
      const o = await clerk(code).observations.saveDraft({
        planId: planOf(code),
        ...freeSlot(code),
        value: '2',
        expectedVersion: null,
      });
      return { id: o.id, expectedVersion: o.version };
    };
    setup = {
      db,
      freeSlot,
      draft,
      submitted: async (code) => {
        const d = await draft(code);
        const o = await clerk(code).observations.submit(d);
        return { id: o.id, expectedVersion: o.version };
      },
      projectVersion: async (code) => {
        const list = await root.projects.list({ planId: planOf(code) });
        return list.find((p) => p.id === 'nursery-building')?.version ?? 1;
      },
      newUser: (code, role = 'viewer') =>
        addUser(db.kysely, `t-${randomUUID().slice(0, 8)}`, role, code),
    };
  });
  afterAll(async () => {
    await setup?.db.close();
  });

  for (const [name, need, call, own] of CASES) {
    describe(`${name} (${need})`, () => {
      for (const [scope, scopeCode] of Object.entries(SCOPES)) {
        for (const role of ROLES) {
          it(`${role} of the ${scope} ${REGIONS[scopeCode].name}`, async () => {
            const who = callers.find((w) => w.scopeCode === scopeCode && w.role === role);
            if (!who) throw new Error('no such caller');
            const targets = own ? [scopeCode] : CODES;
            const expected: Record<string, string> = {};
            const outcomes: Record<string, string> = {};
            for (const code of targets) {
              const label = `${code} ${REGIONS[code].name}`;
              expected[label] = allowed(need, who, code) ? 'answered' : 'refused';
              outcomes[label] = await call(who, code, setup).then(
                (result) => {
                  const found = leaks(name, result, scopeCode);
                  return found.length === 0 ? 'answered' : `LEAKED ${found.join(', ')}`;
                },
                (e: { code?: string; message?: string }) =>
                  e.code === 'FORBIDDEN' || e.code === 'NOT_FOUND'
                    ? 'refused'
                    : `${e.code}: ${e.message}`,
              );
            }
            expect(outcomes).toEqual(expected);
          });
        }
      }
    });
  }

  it('covers every procedure of the router', () => {
    const covered = new Set(CASES.map(([name]) => name));
    expect([...covered].sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });
});
