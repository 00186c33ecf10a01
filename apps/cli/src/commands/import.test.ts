import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlanSchema, RegionSchema } from '@minsheng/domain';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/minsheng.js', import.meta.url).pathname;
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

// A plan the importer has never seen, in the layouts the seeds use: no code path knows it.
const UNSEEN = `青川县“十四五”公共服务规划

本规划依据《四川省“十四五”公共服务规划》编制，规划期限为2021—2025年。

表1 青川县公共服务主要发展指标

领域

指标名称

2020年

2025年

指标性质

幼有所育

每千人口3岁以下婴幼儿托位数(个)

1 2

4.5

预期性

劳有所得

城镇登记失业率(%)

＜4.5

≤4.5

预期性

城镇新增就业(万人)

【0.5】

约束性

注:【】内为5年累计数

专栏1 幼有所育工程

托育扩容工程。新增托位300个，建成2所示范性托育机构。

第三章 保障措施
`;

// Each run starts the CLI through tsx: seconds, not milliseconds, on a busy 2-core machine.
describe('minsheng import plan', { timeout: 120_000 }, () => {
  it('drafts a plan it has never seen and reports its guesses', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'import-')), 'qingchuan.txt');
    writeFileSync(file, UNSEEN);
    const r = run('import', 'plan', file, '--region', '510822', '--name', 'qingchuan', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { region: unknown; plans: unknown[] };
    expect(RegionSchema.parse(out.region)).toEqual({
      code: '510822',
      name: '青川县',
      level: 'county',
      parentCode: '510800',
    });
    const plan = PlanSchema.parse(out.plans[0]);
    expect(plan.title).toBe('青川县“十四五”公共服务规划');
    expect(plan.basis).toEqual(['四川省“十四五”公共服务规划']);
    expect(
      plan.indicators.map((i) => [i.field.key, i.baseline.raw, i.target.raw, i.nature]),
    ).toEqual([
      ['childcare', '1.2', '4.5', 'expected'],
      ['employment', '＜4.5', '≤4.5', 'expected'],
      ['employment', '', '【0.5】', 'binding'],
    ]);
    expect(plan.notes.map((n) => n.original)).toEqual(['1 2']);
    expect(plan.projects[0]?.quantities.map((q) => [q.metric, q.value, q.unit])).toEqual([
      ['新增托位', 300, '个'],
      ['示范性托育机构', 2, '所'],
    ]);
    expect(r.stderr).toContain('extracted: 3 indicators');
    expect(r.stderr).toContain('"城镇新增就业(万人)" has one value');
  });

  it('refuses a missing file, a bad code and a bad name, writing nothing', () => {
    expect(
      run('import', 'plan', '/nonexistent.txt', '--region', '510822', '--name', 'x1', '--json')
        .stderr,
    ).toMatch(/no such file: \/nonexistent.txt/);
    const bad = run(
      'import',
      'plan',
      '/dev/null',
      '--region',
      '51082',
      '--name',
      'qingchuan',
      '--json',
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--region "51082" is not a six-digit region code/);
    expect(
      run('import', 'plan', '/dev/null', '--region', '510822', '--name', 'Bad Name').stderr,
    ).toMatch(/--name "Bad Name"/);
  });
});
