import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findRegionPackage } from '@minsheng/catalog';
import { type IndicatorEvaluation, IndicatorEvaluationSchema } from '@minsheng/domain';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../../bin/minsheng.js');
const dir = mkdtempSync(join(tmpdir(), 'minsheng-evaluate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

// The JSON `region show 510824 --json` prints is the package itself, stringified.
const cangxi = JSON.parse(JSON.stringify(findRegionPackage('510824')));
const observations = [
  { indicator: 'nursery-places-per-1000', year: 2022, value: '0.8' },
  { indicator: 'nursery-places-per-1000', year: 2023, value: '1.2' },
  { indicator: 'orphan-care-coverage', year: 2023, value: '否' },
  { indicator: 'sports-area-per-capita', year: 2023, value: '2.2' },
];

interface Output {
  region: { code: string; name: string } | null;
  plans: Array<{
    planId: string;
    year: number;
    summary: { total: number; flagged: Array<{ indicatorId: string }> };
    evaluations: IndicatorEvaluation[];
  }>;
}

// Spawning the CLI compiles it with tsx first: seconds each, more on a busy machine.
describe('minsheng evaluate', { timeout: 300_000 }, () => {
  it('evaluates a region package with observations, one entry per indicator', () => {
    const r = run('evaluate', file('cangxi.json', { ...cangxi, observations }));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.region).toEqual({ code: '510824', name: '苍溪县' });
    const plan = out.plans[0];
    expect(plan?.year).toBe(2023);
    expect(plan?.evaluations).toHaveLength(cangxi.plans[0].indicators.length);
    for (const e of plan?.evaluations ?? []) IndicatorEvaluationSchema.parse(e);
    const byId = new Map(plan?.evaluations.map((e) => [e.indicatorId, e]));
    // The worked example of docs/method.md is 苍溪县's own nursery row.
    const nursery = byId.get('nursery-places-per-1000');
    expect(nursery?.status).toBe('on_track');
    expect(nursery?.expected).toBeCloseTo(1.608, 4);
    expect(nursery?.ratio).toBeCloseTo(1.1488, 3);
    expect(byId.get('orphan-care-coverage')).toMatchObject({ status: 'lagging', flagged: true });
    expect(byId.get('sports-area-per-capita')).toMatchObject({ status: 'lagging', flagged: true });
    expect(byId.get('life-expectancy')?.status).toBe('no_data');
    expect(plan?.summary.flagged.map((f) => f.indicatorId)).toEqual([
      'orphan-care-coverage',
      'sports-area-per-capita',
    ]);
  });

  it('takes a single plan, and --year leaves later observations out', () => {
    const r = run(
      'evaluate',
      file('plan.json', { ...cangxi.plans[0], observations }),
      '--year',
      '2022',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.region).toBeNull();
    const nursery = out.plans[0]?.evaluations.find(
      (e) => e.indicatorId === 'nursery-places-per-1000',
    );
    expect(nursery?.year).toBe(2022);
    expect(nursery?.observed).toEqual({ year: 2022, value: 0.8, raw: '0.8' });
  });

  it('names what is wrong with bad input, without a stack trace', () => {
    const cases: Array<[string[], RegExp]> = [
      [['evaluate', join(dir, 'missing.json')], /no such file/],
      [['evaluate', file('broken.json', '{"plans": [')], /is not valid JSON/],
      [['evaluate', file('array.json', [])], /must hold an object/],
      [
        [
          'evaluate',
          file('value.json', { ...cangxi, observations: [{ ...observations[0], value: '很多' }] }),
        ],
        /observations\[0\]\.value: cannot read "很多"/,
      ],
      [
        [
          'evaluate',
          file('indicator.json', {
            ...cangxi,
            observations: [{ indicator: 'nope', year: 2023, value: '1' }],
          }),
        ],
        /observations\[0\]\.indicator: no indicator "nope"/,
      ],
      [
        [
          'evaluate',
          file('target.json', {
            ...cangxi,
            plans: [
              {
                ...cangxi.plans[0],
                indicators: cangxi.plans[0].indicators.map((i: { id: string }, n: number) =>
                  n === 2 ? { ...i, target: { raw: '≥≥' } } : i,
                ),
              },
            ],
          }),
        ],
        /plans\[0\]\.indicators\[2\]\.target: cannot read "≥≥"/,
      ],
      [
        ['evaluate', file('ok.json', { ...cangxi, observations }), '--year', '20x'],
        /--year must be a year/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
  });
});
