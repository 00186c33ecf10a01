import { regionPackages } from '@minsheng/catalog';
import {
  alignPlans,
  checkPlan,
  EVALUATION_STATUS_LABELS,
  EVALUATION_STATUSES,
  evaluatePlan,
} from '@minsheng/domain';
import { describe, expect, it } from 'vitest';
import { catalogReportData } from '../catalog.ts';
import {
  assertYearInPeriod,
  buildAlignmentReport,
  buildMidtermReport,
  buildMonitoringReport,
  buildStandardsReport,
} from './build.ts';

const NOW = new Date('2026-11-23T08:00:00Z');
const withPlans = regionPackages.filter((p) => p.plans.length > 0);

describe.each(withPlans.map((p) => [p.region.code, p.region.name] as const))(
  'monitoring model of %s %s',
  (code) => {
    const data = catalogReportData(code, null);
    const plan = data.plan;
    const year = Math.min(plan.period.end, plan.period.start + 2);
    const report = buildMonitoringReport(data, year, NOW);
    const evaluations = evaluatePlan(plan, data.observations, year);

    it('counts every indicator once, by field and by nature', () => {
      expect(report.summary.total).toBe(plan.indicators.length);
      const fieldTotal = report.summary.byField.reduce((a, f) => a + f.total, 0);
      expect(fieldTotal).toBe(plan.indicators.length);
      const natureTotal = report.summary.byNature.reduce((a, n) => a + n.total, 0);
      expect(natureTotal).toBe(plan.indicators.length);
      for (const s of EVALUATION_STATUSES) {
        expect(report.summary.byStatus[s]).toBe(evaluations.filter((e) => e.status === s).length);
      }
    });

    it('gives each row the evaluation and the plan’s cells as written', () => {
      const rows = report.fields.flatMap((f) => f.rows);
      expect(rows.map((r) => r.id).sort()).toEqual(plan.indicators.map((i) => i.id).sort());
      for (const e of evaluations) {
        const row = rows.find((r) => r.id === e.indicatorId);
        const indicator = plan.indicators.find((i) => i.id === e.indicatorId);
        expect(row?.statusLabel).toBe(EVALUATION_STATUS_LABELS[e.status]);
        expect(row?.reason).toBe(e.reason.zh);
        expect(row?.name).toBe(indicator?.name);
        if (indicator?.target.raw) expect(row?.target).toContain(indicator.target.raw);
        if (e.observed) expect(row?.observed).toContain(e.observed.raw);
      }
    });

    it('puts binding indicators first in each field, and flags every lagging binding one', () => {
      for (const f of report.fields) {
        const natures = f.rows.map((r) => r.binding);
        expect(natures).toEqual([...natures].sort((a, b) => Number(b) - Number(a)));
      }
      const lagging = evaluations.filter(
        (e) =>
          e.nature === 'binding' && (e.status === 'lagging' || e.status === 'seriously_lagging'),
      );
      expect(report.flagged.map((r) => r.id).sort()).toEqual(
        lagging.map((e) => e.indicatorId).sort(),
      );
    });

    it('charts only lagging indicators, with the path from baseline to target', () => {
      for (const c of report.charts) {
        const e = evaluations.find((x) => x.indicatorId === c.indicatorId);
        expect(['lagging', 'seriously_lagging']).toContain(e?.status);
        expect(c.path.at(-1)?.value).toBe(e?.target);
        for (const o of c.observed) expect(o.year).toBeLessThanOrEqual(year);
      }
    });

    it('lists every project once under its box', () => {
      const rows = report.projects.boxes.flatMap((b) => b.rows);
      expect(rows.map((r) => r.id)).toEqual(plan.projects.map((p) => p.id));
      expect(report.projects.byStatus.reduce((a, s) => a + s.count, 0)).toBe(plan.projects.length);
    });
  },
);

describe('synthetic observations reach every kind of verdict the report shows', () => {
  it('has lagging, on-track and no-data indicators in 苍溪县 2023', () => {
    const report = buildMonitoringReport(catalogReportData('510824', 2023), 2023, NOW);
    expect(report.summary.byStatus.no_data).toBeGreaterThan(0);
    expect(report.summary.byStatus.on_track).toBeGreaterThan(0);
    expect(
      report.summary.byStatus.lagging + report.summary.byStatus.seriously_lagging,
    ).toBeGreaterThan(0);
    expect(report.charts.length).toBeGreaterThan(0);
  });
});

describe('years', () => {
  it('refuses a year outside the plan’s period, naming both', () => {
    const data = catalogReportData('510824', 2023);
    expect(() => buildMonitoringReport(data, 2019, NOW)).toThrow(/2019.*2021–2025/);
    expect(() => assertYearInPeriod(data.plan, 2026)).toThrow(/2026/);
  });

  it('counts only observations up to the year evaluated', () => {
    const data = catalogReportData('510824', 2025);
    const report = buildMonitoringReport(data, 2022, NOW);
    expect(report.observationCount).toBe(data.observations.filter((o) => o.year <= 2022).length);
    expect(report.observationCount).toBeLessThan(data.observations.length);
    for (const row of report.fields.flatMap((f) => f.rows)) {
      expect(row.observed).not.toMatch(/202[345]年/);
    }
  });
});

describe('midterm model', () => {
  it('frames the period so far and aligns with the nearest plan above (广元市 has none)', () => {
    const data = catalogReportData('510824', 2023);
    const report = buildMidtermReport(data, 2023, NOW);
    expect(report.elapsedYears).toBe(3);
    expect(report.totalYears).toBe(5);
    expect(report.remainingYears).toBe(2);
    expect(report.alignment?.upperRegion.code).toBe('510000');
    const direct = alignPlans(data.plan, data.upper?.plan ?? data.plan);
    expect(report.alignment?.groups.reduce((a, g) => a + g.rows.length, 0)).toBe(
      direct.rows.length,
    );
  });

  it('lists the alignment groups that need acting on first', () => {
    const report = buildMidtermReport(catalogReportData('510802', 2023), 2023, NOW);
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const worst = (report.alignment?.groups ?? []).map((g) =>
      Math.min(...g.rows.map((r) => rank[r.severity])),
    );
    expect(worst.length).toBeGreaterThan(1);
    expect(worst).toEqual([...worst].sort((a, b) => a - b));
  });

  it('has no alignment at the top', () => {
    const report = buildMidtermReport(catalogReportData('510000', 2023), 2023, NOW);
    expect(report.alignment).toBeNull();
  });
});

describe.each(withPlans.map((p) => [p.region.code, p.region.name] as const))(
  'standards and alignment models of %s %s',
  (code) => {
    const data = catalogReportData(code, null);
    it('lists every service once, numbered in order, under its field', () => {
      const report = buildStandardsReport(data, NOW);
      const items = report.fields.flatMap((f) => f.items);
      expect(items.map((i) => i.name)).toEqual(data.plan.services.map((s) => s.name));
      expect(items.map((i) => i.number)).toEqual(data.plan.services.map((_, i) => i + 1));
      expect(report.itemCount).toBe(data.plan.services.length);
    });

    it('carries every plan check', () => {
      const report = buildAlignmentReport(data, NOW);
      expect(report.checks.map((c) => c.message)).toEqual(
        checkPlan(data.plan).map((f) => f.message.zh),
      );
      expect(report.alignment === null).toBe(data.upper === null);
    });
  },
);
