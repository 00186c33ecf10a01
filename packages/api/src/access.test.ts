import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Db } from '@minsheng/db';
import { describeEachDialect, openMigratedDb } from '@minsheng/db/testing';
import type { Role } from '@minsheng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, type Caller, callerFor, seedWorld } from './testing.ts';

/**
 * Every procedure × role × region, from one table. The callers are an admin, an editor and a
 * viewer of 苍溪县; "in scope" is 苍溪县's plan or region, "out of scope" is 利州区's, a
 * neighbour. What each role may do is written out here by hand, apart from the code under test.
 * scope.test.ts calls every procedure again from a county, its city, the province and a sibling
 * county, about every region above, below and beside them.
 */
type Need = 'anyone' | 'read' | 'write' | 'approve' | 'manageUsers' | 'readAudit';
const ALLOWED: Record<Need, readonly Role[]> = {
  anyone: ['admin', 'editor', 'viewer'],
  read: ['admin', 'editor', 'viewer'],
  write: ['admin', 'editor'],
  approve: ['admin', 'editor'],
  manageUsers: ['admin'],
  readAudit: ['admin', 'editor'],
};

interface Target {
  scope: 'in' | 'out';
  planId: string;
  regionCode: string;
}

interface Setup {
  db: Db;
  root: Caller;
  /** Enters and submits a value as an editor of the target region (never the caller). */
  submitted(target: Target): Promise<{ id: string; version: number }>;
  draft(target: Target): Promise<{ id: string; version: number }>;
  freeSlot(target: Target): { indicatorId: string; year: number };
  projectVersion(target: Target): Promise<number>;
  newUser(target: Target): Promise<string>;
}

type Case = [name: string, need: Need, call: (c: Caller, t: Target, s: Setup) => Promise<unknown>];

const CASES: Case[] = [
  ['regions.tree', 'anyone', (c) => c.regions.tree()],
  ['regions.list', 'anyone', (c) => c.regions.list()],
  ['plans.list', 'read', (c, t) => c.plans.list({ regionCode: t.regionCode })],
  ['plans.get', 'read', (c, t) => c.plans.get({ planId: t.planId })],
  ['plans.full', 'read', (c, t) => c.plans.full({ planId: t.planId })],
  ['indicators.list', 'read', (c, t) => c.indicators.list({ planId: t.planId })],
  ['standards.list', 'read', (c, t) => c.standards.list({ planId: t.planId })],
  ['projects.list', 'read', (c, t) => c.projects.list({ planId: t.planId })],
  ['observations.list', 'read', (c, t) => c.observations.list({ planId: t.planId })],
  [
    'observations.saveDraft',
    'write',
    (c, t, s) =>
      c.observations.saveDraft({
        planId: t.planId,
        ...s.freeSlot(t),
        value: '1',
        expectedVersion: null,
      }),
  ],
  [
    'observations.importBatch',
    'write',
    (c, t, s) => {
      const { indicatorId, year } = s.freeSlot(t);
      return c.observations.importBatch({
        planId: t.planId,
        year,
        values: [{ indicatorId, value: '1' }],
      });
    },
  ],
  [
    'observations.saveSheet',
    'write',
    // An empty sheet: the slots of the fixture plan are all taken by the other cases.
    (c, t) => c.observations.saveSheet({ planId: t.planId, year: 2023, mode: 'draft', cells: [] }),
  ],
  [
    'observations.submit',
    'write',
    async (c, t, s) => c.observations.submit({ ...(await s.draft(t)), expectedVersion: 1 }),
  ],
  [
    'observations.approve',
    'approve',
    async (c, t, s) => {
      const o = await s.submitted(t);
      return c.observations.approve({ id: o.id, expectedVersion: o.version });
    },
  ],
  [
    'observations.return',
    'approve',
    async (c, t, s) => {
      const o = await s.submitted(t);
      return c.observations.return({ id: o.id, expectedVersion: o.version, reason: '请核实' });
    },
  ],
  [
    'projects.updateStatus',
    'write',
    async (c, t, s) =>
      c.projects.updateStatus({
        planId: t.planId,
        projectId: 'nursery-building',
        status: 'in_progress',
        progress: 10,
        expectedVersion: await s.projectVersion(t),
      }),
  ],
  ['evaluation.plan', 'read', (c, t) => c.evaluation.plan({ planId: t.planId, year: 2023 })],
  [
    'evaluation.region',
    'read',
    (c, t) => c.evaluation.region({ regionCode: t.regionCode, year: 2023 }),
  ],
  ['evaluation.checks', 'read', (c, t) => c.evaluation.checks({ planId: t.planId })],
  ['evaluation.alignment', 'read', (c, t) => c.evaluation.alignment({ planId: t.planId })],
  ['audit.list', 'readAudit', (c, t) => c.audit.list({ regionCode: t.regionCode })],
  ['users.list', 'manageUsers', (c, t) => c.users.list({ regionCode: t.regionCode })],
  [
    'importer.draft',
    'manageUsers',
    (c, t) =>
      c.importer.draft({
        fileName: 'plan.txt',
        regionCode: t.regionCode,
        name: 'qingling',
        content: {
          encoding: 'text',
          data: readFileSync(
            new URL('../../importer/corpus/files/qingling-tsv.txt', import.meta.url),
            'utf8',
          ),
        },
      }),
  ],
  [
    'users.create',
    'manageUsers',
    (c, t) =>
      c.users.create({
        username: `u-${randomUUID().slice(0, 8)}`,
        displayName: '新用户',
        role: 'viewer',
        regionCode: t.regionCode,
        password: 'a long enough password',
      }),
  ],
  [
    'users.update',
    'manageUsers',
    async (c, t, s) => c.users.update({ id: await s.newUser(t), role: 'editor' }),
  ],
  [
    'users.resetPassword',
    'manageUsers',
    async (c, t, s) =>
      c.users.resetPassword({ id: await s.newUser(t), password: 'another long password' }),
  ],
];

const TARGETS: Target[] = [
  { scope: 'in', planId: 'cangxi-2021', regionCode: '510824' },
  { scope: 'out', planId: 'lizhou-2021', regionCode: '510802' },
];
const ROLES: Role[] = ['admin', 'editor', 'viewer'];

describeEachDialect('access matrix', (dialect) => {
  const callers = {} as Record<Role, Caller>;
  let setup: Setup;

  beforeAll(async () => {
    const db = await openMigratedDb(dialect);
    const world = await seedWorld(db.kysely);
    callers.admin = await callerFor(db.kysely, world.cxAdmin);
    callers.editor = await callerFor(db.kysely, world.cxEditor);
    callers.viewer = await callerFor(db.kysely, world.cxViewer);
    const enterers: Record<string, Caller> = {
      'cangxi-2021': await callerFor(
        db.kysely,
        await addUser(db.kysely, 'cx-clerk', 'editor', '510824'),
      ),
      'lizhou-2021': await callerFor(db.kysely, world.lzEditor),
    };
    const root = await callerFor(db.kysely, world.root);
    // Each observation the matrix needs gets its own indicator-year: 15 per plan, all used.
    const slots = new Map<string, number>();
    const freeSlot = (t: Target) => {
      const n = slots.get(t.planId) ?? 0;
      slots.set(t.planId, n + 1);
      const indicators = ['nursery-places', 'preschool-enrolment', 'new-jobs'];
      const indicatorId = indicators[n % 3];
      if (!indicatorId || n >= 15) throw new Error('the matrix ran out of indicator-years');
      return { indicatorId, year: 2021 + Math.floor(n / 3) };
    };
    const draft = async (t: Target) => {
      const enterer = enterers[t.planId];
      if (!enterer) throw new Error(`no enterer for ${t.planId}`);
      const o = await enterer.observations.saveDraft({
        planId: t.planId,
        ...freeSlot(t),
        value: '2',
        expectedVersion: null,
      });
      return { id: o.id, version: o.version };
    };
    setup = {
      db,
      root,
      freeSlot,
      draft,
      submitted: async (t) => {
        const d = await draft(t);
        const o = await enterers[t.planId]?.observations.submit({
          ...d,
          expectedVersion: d.version,
        });
        if (!o) throw new Error('submit failed');
        return { id: o.id, version: o.version };
      },
      projectVersion: async (t) => {
        const list = await root.projects.list({ planId: t.planId });
        return list.find((p) => p.id === 'nursery-building')?.version ?? 1;
      },
      newUser: async (t) =>
        (
          await root.users.create({
            username: `t-${randomUUID().slice(0, 8)}`,
            displayName: '待改',
            role: 'viewer',
            regionCode: t.regionCode,
            password: 'a long enough password',
          })
        ).id,
    };
  });
  afterAll(async () => {
    await setup?.db.close();
  });

  for (const [name, need, call] of CASES) {
    describe(name, () => {
      for (const role of ROLES) {
        for (const target of TARGETS) {
          const allowed =
            ALLOWED[need].includes(role) && (need === 'anyone' || target.scope === 'in');
          it(`${role}, ${target.scope} of scope → ${allowed ? 'allowed' : 'FORBIDDEN'}`, async () => {
            const outcome = await call(callers[role], target, setup).then(
              () => 'allowed',
              (e: { code?: string; message?: string }) =>
                e.code === 'FORBIDDEN' ? 'FORBIDDEN' : `${e.code}: ${e.message}`,
            );
            expect(outcome).toBe(allowed ? 'allowed' : 'FORBIDDEN');
          });
        }
      }
    });
  }

  it('covers every procedure of the router but the session ones', async () => {
    const { appRouter } = await import('./router.ts');
    const procedures = Object.keys(appRouter._def.procedures).filter((p) => !p.startsWith('auth.'));
    expect(CASES.map(([name]) => name).sort()).toEqual(procedures.sort());
  });
});
