import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('writes a package that carries the text it was drafted from, byte for byte', () => {
    const work = mkdtempSync(join(tmpdir(), 'import-'));
    const file = join(work, 'qingchuan.txt');
    // A byte-order mark and CRLF line ends, as a saved Windows text often has: kept as they are.
    const bytes = Buffer.from(`\uFEFF${UNSEEN.replaceAll('\n', '\r\n')}`, 'utf8');
    writeFileSync(file, bytes);
    const out = join(work, 'qingchuan');
    const r = run(
      'import',
      'plan',
      file,
      '--region',
      '510822',
      '--name',
      'qingchuan',
      '--out',
      out,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'source/qingchuan.txt')).equals(bytes)).toBe(true);
    expect(r.stdout).toContain('source/qingchuan.txt');
    const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'));
    expect(pkg.exports['./source/*']).toBe('./source/*');
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain(
      '[`source/qingchuan.txt`](source/qingchuan.txt)',
    );
    expect(existsSync(join(out, 'src/plan.ts'))).toBe(true);
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

  it('reads a Word file and a PDF by their content, whatever they are called', () => {
    const corpus = new URL('../../../../packages/importer/corpus/files/', import.meta.url).pathname;
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    // Named .txt, but the bytes are a Word file and a PDF: the content decides.
    for (const [source, renamed, format] of [
      ['qingling.docx', 'plan-from-word.txt', 'docx'],
      ['songxi.pdf', 'plan-from-pdf.txt', 'pdf'],
    ] as const) {
      const file = join(dir, renamed);
      writeFileSync(file, readFileSync(join(corpus, source)));
      const r = run('import', 'plan', file, '--region', '510822', '--name', 'qingchuan', '--json');
      expect(r.status, r.stderr).toBe(0);
      const plan = PlanSchema.parse((JSON.parse(r.stdout) as { plans: unknown[] }).plans[0]);
      expect(r.stderr).toContain(`read as ${format}`);
      expect(plan.indicators.length).toBeGreaterThanOrEqual(12);
      expect(plan.indicators[0]?.name).toBe('每千人口拥有3岁以下婴幼儿托位数');
    }
  });

  it('writes the package with IMPORT-REPORT.md placing each guess by PDF page and line', () => {
    const corpus = new URL('../../../../packages/importer/corpus/files/', import.meta.url).pathname;
    const out = join(mkdtempSync(join(tmpdir(), 'import-')), 'songxi');
    const r = run(
      'import',
      'plan',
      join(corpus, 'songxi-centred-fields.pdf'),
      '--region',
      '510822',
      '--name',
      'songxi',
      '--out',
      out,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/read as pdf; extracted: 16 indicators/);
    expect(r.stdout).toMatch(
      / {2}page 1, line \d+: 领域 "幼有所育" stands at the middle of rows 1–2/,
    );
    const report = readFileSync(join(out, 'IMPORT-REPORT.md'), 'utf8');
    expect(report).toMatch(
      /\| page 1, line \d+ \| 幼有所育 \| 领域 "幼有所育" stands at the middle/,
    );
    expect(readFileSync(join(out, 'src/plan.ts'), 'utf8')).toContain(
      '每千人口拥有3岁以下婴幼儿托位数',
    );
  });

  it('refuses random bytes, an empty file and an unrelated document, saying what it expected and writing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const cases: Array<[string, Uint8Array | string, RegExp]> = [
      ['random.bin', new Uint8Array(randomBytes(4096)), /不是文本，也不是可识别的文件格式/],
      ['empty.txt', '', /文件是空的/],
      [
        'notice.txt',
        '关于做好2023年春节期间安全生产工作的通知\n\n各乡镇人民政府：\n春节将至，请各单位认真做好值班值守，确保节日期间安全稳定。\n\n县应急管理局\n2023年1月10日\n',
        /没有找到规划内容：应有指标表/,
      ],
    ];
    for (const [name, content, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, content);
      const out = join(dir, `out-${name}`);
      const r = run(
        'import',
        'plan',
        file,
        '--region',
        '510822',
        '--name',
        'qingchuan',
        '--out',
        out,
      );
      expect(r.status, `${name}: ${r.stdout}`).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/\.txt、\.pdf|指标表/);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect(existsSync(out), `${name} wrote ${out}`).toBe(false);
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('out-'))).toEqual([]);
  });
});
