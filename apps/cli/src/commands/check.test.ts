import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { regionPackages } from '@minsheng/catalog';
import type { AlignmentRow, PlanFinding } from '@minsheng/domain';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../../bin/minsheng.js');

// The checks come from the router over the local database: a fresh embedded one per run.
const dataDir = mkdtempSync(join(tmpdir(), 'minsheng-check-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, MINSHENG_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Report {
  region: { code: string; name: string };
  plans: Array<{
    planId: string;
    findings: PlanFinding[];
    alignment: { upperPlanId: string; upperRegion: string; rows: AlignmentRow[] } | null;
    alignmentNote: { zh: string; en: string } | null;
  }>;
}

// Each region is checked once (a spawn costs seconds) and its report shared by the tests.
const reports = new Map<string, Report>();
function check(code: string): Report {
  const cached = reports.get(code);
  if (cached) return cached;
  const r = run('region', 'check', code, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as Report;
  reports.set(code, report);
  return report;
}

// Spawning the CLI compiles it with tsx first: seconds each, more on a busy machine.
describe('minsheng region check', { timeout: 180_000 }, () => {
  it('runs for every seeded region; the counties align with 四川省 (广元市 has no plan), 四川省 with 国家', () => {
    for (const pkg of regionPackages) {
      const report = check(pkg.region.code);
      expect(report.plans.map((p) => p.planId)).toEqual(pkg.plans.map((p) => p.id));
    }
    for (const code of ['510824', '510802', '510821']) {
      const plan = check(code).plans[0];
      expect(plan?.alignment?.upperPlanId, code).toBe('sichuan-14th');
      expect(plan?.alignment?.upperRegion).toBe('四川省');
      expect(plan?.alignment?.rows.length).toBeGreaterThan(0);
    }
    const province = check('510000').plans[0];
    expect(province?.alignment?.upperPlanId).toBe('national-14th');
    expect(province?.alignment?.upperRegion).toBe('国家');
    expect(check('100000').plans[0]?.alignment).toBeNull();
  });

  it('旺苍县: 九年义务教育巩固率 is 99.8 in 表1 and 99.5 in the standards table', () => {
    const plan = check('510821').plans[0];
    const finding = plan?.findings.find(
      (f) =>
        f.kind === 'conflicting_text_target' &&
        f.indicatorIds.includes('compulsory-education-retention'),
    );
    expect(finding?.message.zh).toContain('99.8');
    expect(finding?.message.zh).toContain('99.5');
    expect(finding?.where.map((w) => w.line)).toEqual([78, 286]);
    // Its table has no nature column: one finding for the table, not one per row.
    expect(plan?.findings.filter((f) => f.kind === 'missing_nature')).toHaveLength(1);
  });

  it('苍溪县: targets behind baseline, natures weaker than the province, renamed services', () => {
    const plan = check('510824').plans[0];
    const behind = plan?.findings
      .filter((f) => f.kind === 'target_behind_baseline')
      .flatMap((f) => f.indicatorIds);
    expect(behind).toEqual(['urban-registered-unemployment', 'subsidised-skills-training']);
    const rows = plan?.alignment?.rows ?? [];
    const weaker = rows
      .filter((r) => r.kind === 'binding_only_expected_below')
      .map((r) => r.canonicalKey);
    expect(weaker).toContain('compulsory_education_retention');
    const nursery = rows.find((r) => r.canonicalKey === 'nursery_places_per_1000');
    expect(nursery?.kind).toBe('target_less_ambitious');
    expect(nursery?.lower.where?.line).toBeGreaterThan(0);
    expect(nursery?.upper.where?.line).toBeGreaterThan(0);
    const renamed = rows.filter((r) => r.kind === 'service_renamed').map((r) => r.message.zh);
    expect(renamed.some((m) => m.includes('特殊群体集中供养') && m.includes('特殊群体供养'))).toBe(
      true,
    );
  });

  it('利州区: compared with the province, counts never compared across levels', () => {
    const rows = check('510802').plans[0]?.alignment?.rows ?? [];
    const beds = rows.find((r) => r.canonicalKey === 'elderly_care_beds_total');
    expect(beds?.kind).toBe('target_not_comparable');
    expect(rows.find((r) => r.canonicalKey === 'high_school_gross_enrolment')?.kind).toBe(
      'target_less_ambitious',
    );
  });

  it('达州市 (a 2017 plan) has nothing to align with and says why', () => {
    const plan = check('511700').plans[0];
    expect(plan?.alignment).toBeNull();
    expect(plan?.alignmentNote?.en).toContain('2021–2025');
  });

  it('prints readable text in Chinese by default, English on request', () => {
    const zh = run('region', 'check', '510821');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('规划自查');
    expect(zh.stdout).toContain('对标上级：四川省');
    expect(zh.stdout).toContain('九年义务教育巩固率达到99.5%');
    const en = run('region', 'check', '510821', '--lang', 'en');
    expect(en.stdout).toContain('Alignment with 四川省');
  });

  it('an unknown code is refused with the known ones', () => {
    const r = run('region', 'check', '999999');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /unknown region code "999999"; known regions: 100000 国家, 510000 四川省/,
    );
  });
});
