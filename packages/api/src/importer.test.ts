import { readFileSync } from 'node:fs';
import type { Db } from '@minsheng/db';
import { describeEachDialect, openMigratedDb } from '@minsheng/db/testing';
import { PlanSchema } from '@minsheng/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_PLAN_FILE_BYTES } from './routers/importer.ts';
import { type Caller, callerFor, seedWorld } from './testing.ts';

const corpus = (file: string) =>
  readFileSync(new URL(`../../importer/corpus/files/${file}`, import.meta.url));

describeEachDialect('importer.draft', (dialect) => {
  let db: Db;
  let root: Caller;
  let cxAdmin: Caller;
  let cxEditor: Caller;
  let anonymous: Caller;

  beforeAll(async () => {
    db = await openMigratedDb(dialect);
    const world = await seedWorld(db.kysely);
    root = await callerFor(db.kysely, world.root);
    cxAdmin = await callerFor(db.kysely, world.cxAdmin);
    cxEditor = await callerFor(db.kysely, world.cxEditor);
    anonymous = await callerFor(db.kysely, null);
  });
  afterAll(() => db?.close());

  it('drafts a plan from a Word file sent as base64, with its report', async () => {
    const out = await root.importer.draft({
      fileName: 'qingling.docx',
      regionCode: '510822',
      name: 'qingling',
      content: { encoding: 'base64', data: corpus('qingling.docx').toString('base64') },
    });
    expect(out.format).toBe('docx');
    const plan = PlanSchema.parse(out.plan);
    expect(plan.regionCode).toBe('510822');
    expect(plan.indicators).toHaveLength(12);
    expect(plan.indicators[1]).toMatchObject({
      name: '孕产妇死亡率',
      unit: '1/10万',
      baseline: { raw: '12.5' },
      target: { raw: '＜12' },
      nature: 'binding',
    });
    expect(out.counts.indicators).toBe(12);
    expect(Array.isArray(out.unplaced) && Array.isArray(out.warnings)).toBe(true);
  });

  it('drafts a plan from text, for a region the admin holds', async () => {
    const text = corpus('qingling-tsv.txt').toString('utf8');
    const out = await cxAdmin.importer.draft({
      fileName: 'plan.txt',
      regionCode: '510824',
      name: 'cangxi',
      content: { encoding: 'text', data: text },
    });
    expect(out.format).toBe('txt');
    expect(out.plan.indicators).toHaveLength(12);
  });

  it('refuses what holds no plan, saying what it expected', async () => {
    const random = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256));
    await expect(
      root.importer.draft({
        fileName: 'x.bin',
        regionCode: '510822',
        name: 'x',
        content: { encoding: 'base64', data: random.toString('base64') },
      }),
    ).rejects.toThrow(/content: .*不是文本，也不是可识别的文件格式.*\.docx/);
    await expect(
      root.importer.draft({
        fileName: 'note.txt',
        regionCode: '510822',
        name: 'x',
        content: { encoding: 'text', data: '会议通知\n请各单位按时参会。' },
      }),
    ).rejects.toThrow(/没有找到规划内容：应有指标表/);
  });

  it('is for admins of the region only, and takes no file over the limit', async () => {
    const input = {
      fileName: 'plan.txt',
      regionCode: '510824',
      name: 'cangxi',
      content: { encoding: 'text' as const, data: corpus('qingling-tsv.txt').toString('utf8') },
    };
    await expect(cxEditor.importer.draft(input)).rejects.toThrow(/admins only/);
    await expect(anonymous.importer.draft(input)).rejects.toThrow(/sign in first/);
    // 苍溪县's admin holds neither 利州区 nor a new county under another city.
    await expect(cxAdmin.importer.draft({ ...input, regionCode: '510802' })).rejects.toThrow(
      /may not/,
    );
    await expect(cxAdmin.importer.draft({ ...input, regionCode: '510922' })).rejects.toThrow(
      /may not import a plan for 510922/,
    );
    const tooBig = 'A'.repeat(Math.ceil(MAX_PLAN_FILE_BYTES / 3) * 4 + 4);
    await expect(
      root.importer.draft({ ...input, content: { encoding: 'base64', data: tooBig } }),
    ).rejects.toThrow(/content\.data: a plan file is at most 8 MiB/);
  });
});
