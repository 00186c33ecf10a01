import { describe, expect, it } from 'vitest';
import { catalogReportData } from '../catalog.ts';
import type { ReportJob } from './index.ts';
import { type JobResult, renderMany } from './pool.ts';

describe('renderMany', () => {
  it('renders in worker threads; a failing job fails alone and the others finish', async () => {
    const good = (code: string): ReportJob => ({
      kind: 'standards',
      data: catalogReportData(code, null),
      year: null,
      now: '2026-11-23',
    });
    // 2019 is before the plan's period: building the model throws inside the worker.
    const bad: ReportJob = {
      kind: 'monitoring',
      data: catalogReportData('510824', 2023),
      year: 2019,
      now: '2026-11-23',
    };
    const order: number[] = [];
    const results = await renderMany([good('510824'), bad, good('510821')], {
      concurrency: 2,
      onResult: (i) => order.push(i),
    });
    expect(order.sort()).toEqual([0, 1, 2]);
    const [a, b, c] = results as [JobResult, JobResult, JobResult];
    expect(a.ok && c.ok).toBe(true);
    expect(b).toEqual({ ok: false, error: expect.stringMatching(/year 2019 is outside/) });
    if (a.ok) expect(Buffer.from(a.pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  }, 180_000);
});
