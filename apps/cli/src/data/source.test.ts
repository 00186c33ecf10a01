import { addUser, callerFor } from '@minsheng/api/testing';
import { findRegionPackage, regionPackages } from '@minsheng/catalog';
import { createDb, migrateToLatest, seedCatalog } from '@minsheng/db';
import { buildMonitoringReport } from '@minsheng/reports/pdf/build';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportData, openLocalSource, type ReportSource, regionsUnder } from './source.ts';

// The loader against a real (in-memory) database, through the real router: observations are
// entered, submitted and approved by two users the way the console does it.

let source: ReportSource;
const cangxi = findRegionPackage('510824')?.plans[0];
if (!cangxi) throw new Error('the cangxi package has no plan');
const [first, second] = cangxi.indicators;
if (!first || !second) throw new Error('the cangxi plan has fewer than two indicators');

beforeAll(async () => {
  const db = createDb({ dataDir: 'memory://' });
  await migrateToLatest(db.kysely);
  await seedCatalog(db.kysely, regionPackages);
  const editor = await addUser(db.kysely, 'cx-editor', 'editor', '510824');
  const admin = await addUser(db.kysely, 'cx-admin', 'admin', '510824');
  const asEditor = await callerFor(db.kysely, editor);
  const asAdmin = await callerFor(db.kysely, admin);
  const enter = async (indicatorId: string, value: string) => {
    const draft = await asEditor.observations.saveDraft({
      planId: cangxi.id,
      indicatorId,
      year: 2022,
      value,
      expectedVersion: null,
    });
    return asEditor.observations.submit({ id: draft.id, expectedVersion: draft.version });
  };
  const approved = await enter(first.id, '0.9');
  await asAdmin.observations.approve({ id: approved.id, expectedVersion: approved.version });
  // Submitted but never approved: it must not count.
  await enter(second.id, '99');
  source = await openLocalSource(db);
}, 120_000);

afterAll(() => source?.close());

describe('loading a report through the router', () => {
  it('puts the plan back together exactly as the package has it', async () => {
    const data = await loadReportData(source, '510824', { year: 2022 });
    expect(data.plan.id).toBe(cangxi.id);
    expect(data.plan.indicators.map((i) => [i.id, i.baseline.raw, i.target.raw, i.nature])).toEqual(
      cangxi.indicators.map((i) => [i.id, i.baseline.raw, i.target.raw, i.nature]),
    );
    expect(data.plan.services.map((s) => s.name)).toEqual(cangxi.services.map((s) => s.name));
    expect(data.plan.projects.map((p) => p.text)).toEqual(cangxi.projects.map((p) => p.text));
    expect(data.ancestors.map((r) => r.code)).toEqual(['510000', '510800']);
    // 广元市 has no plan: the plan above is the province's.
    expect(data.upper?.region.code).toBe('510000');
  });

  it('counts approved observations only', async () => {
    const data = await loadReportData(source, '510824', { year: 2022 });
    expect(data.observations).toEqual([{ indicatorId: first.id, year: 2022, value: '0.9' }]);
    const report = buildMonitoringReport(data, 2022, new Date());
    const rows = report.fields.flatMap((f) => f.rows);
    expect(rows.find((r) => r.id === first.id)?.observed).toBe('2022年：0.9');
    expect(rows.find((r) => r.id === second.id)?.observed).toBe('—');
  });

  it('says plainly what is wrong with the input', async () => {
    await expect(loadReportData(source, '999999', {})).rejects.toThrow(
      /unknown region code "999999"/,
    );
    await expect(loadReportData(source, '510800', {})).rejects.toThrow(/510800 广元市 has no plan/);
    await expect(loadReportData(source, '510824', { year: 2030 })).rejects.toThrow(
      /year 2030 is outside the period.*2021–2025/,
    );
  });

  it('finds the regions with a plan below a region', async () => {
    const { below } = await regionsUnder(source, '510800');
    expect(below.map((r) => r.code).sort()).toEqual(['510802', '510821', '510824']);
  });
});
