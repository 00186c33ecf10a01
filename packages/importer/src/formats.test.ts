import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, FormatError } from './formats.ts';
import { importPlanFile } from './index.ts';

const corpus = (file: string) =>
  new Uint8Array(readFileSync(new URL(`../corpus/files/${file}`, import.meta.url)));
const options = { regionCode: '510000', name: 'fuzz', fileName: 'f' } as const;

describe('plan files told apart by content', () => {
  it('knows each format by its bytes, not its name', () => {
    expect(detectFormat(corpus('qingling.pdf'), 'plan.txt')).toBe('pdf');
    expect(detectFormat(corpus('qingling.docx'), 'plan.xlsx')).toBe('docx');
    expect(detectFormat(corpus('qingling.xlsx'), 'plan.docx')).toBe('xlsx');
    expect(detectFormat(corpus('songxi.html'), 'plan.txt')).toBe('html');
    expect(detectFormat(corpus('baihe-gb18030.txt'), 'plan.html')).toBe('txt');
  });

  it('names what it expected when the bytes are no plan file', () => {
    const refuse = (bytes: Uint8Array) => () => detectFormat(bytes, 'x');
    expect(refuse(new Uint8Array())).toThrow(/文件是空的：应为规划的 \.txt、\.pdf/);
    expect(refuse(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toThrow(
      /另存为 \.docx 或 \.xlsx/,
    );
    expect(refuse(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]))).toThrow(/zip 压缩包/);
    expect(refuse(new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)))).toThrow(
      /不是文本/,
    );
  });
});

/**
 * Plan files cut short or with bytes overwritten (a broken download, a damaged disk), and bytes
 * from nothing: the importer answers with a draft or a FormatError naming what it expected,
 * never another error.
 */
describe('importPlanFile under damaged files', () => {
  const files = [
    'qingling.pdf',
    'qingling.docx',
    'qingling.xlsx',
    'songxi.html',
    'qingling-tsv.txt',
  ].map((f) => corpus(f));
  const damaged = fc
    .record({
      file: fc.constantFrom(...files.keys()),
      cut: fc.double({ min: 0.3, max: 1, noNaN: true }),
      writes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
    })
    .map(({ file, cut, writes }) => {
      const bytes = files[file]!.slice(0, Math.max(1, Math.floor(files[file]!.length * cut)));
      for (const [at, value] of writes) bytes[at % bytes.length] = value;
      return bytes;
    });
  const anything = fc.oneof(damaged, fc.uint8Array({ maxLength: 4096 }));

  it('answers 150 damaged files with a draft or a FormatError', async () => {
    const tally = { drafts: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(anything, async (bytes) => {
        try {
          const result = await importPlanFile(bytes, options);
          expect(
            result.counts.indicators +
              result.counts.projects +
              result.counts.tasks +
              result.counts.services +
              result.counts.standards,
          ).toBeGreaterThan(0);
          tally.drafts++;
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(FormatError);
          expect((error as Error).message).toMatch(/应为|应有|OCR/);
          tally.refused++;
        }
      }),
      { numRuns: 150 },
    );
    console.log(`[fuzz files] ${tally.drafts} drafts, ${tally.refused} refused`);
    expect(tally.refused).toBeGreaterThan(0);
  }, 300_000);
});

describe('where each unplaced line or guess stands', () => {
  it('gives a PDF entry its page and line, a web page entry its table and row', async () => {
    const pdf = await importPlanFile(corpus('songxi-centred-fields.pdf'), options);
    expect(pdf.warnings.length).toBeGreaterThan(0);
    for (const w of pdf.warnings.filter((x) => /领域/.test(x.why))) {
      expect(w.at).toMatch(/^page 1, line \d+$/);
      expect(w.page).toBe(1);
    }
    const html = `<p>某县“十四五”公共服务规划</p><table>
      <tr><td>领域</td><td>指标名称</td><td>2020年</td><td>2025年</td><td>属性</td></tr>
      <tr><td>幼有所育</td><td>托位数（个）</td><td>1.2</td><td>待定</td><td>预期性</td></tr></table>`;
    const result = await importPlanFile(new TextEncoder().encode(html), options);
    expect(result.unplaced).toEqual([
      expect.objectContaining({
        at: 'table 1, row 2',
        why: expect.stringMatching(/target "待定"/),
      }),
    ]);
  });
});

describe('a 专栏 drawn as a one-cell table', () => {
  it('reads its paragraphs as the box they are, and the text after it as text', async () => {
    const html = `<p>某县“十四五”公共服务规划</p>
      <table><tr><td><p>专栏1 幼有善育工程</p><p>托育扩容工程。新增托位300个，建成2所示范性托育机构。</p>
      <p>妇幼保健提升工程。建设县妇幼保健院业务用房1万平方米。</p></td></tr></table>
      <p>加快发展普惠托育服务，支持用人单位在工作场所为职工提供托育服务，推动托育机构规范发展，这是正文，不在专栏里。</p>`;
    const result = await importPlanFile(new TextEncoder().encode(html), options);
    expect(result.plan.projects.map((p) => [p.box, p.text])).toEqual([
      ['专栏1幼有善育工程', '托育扩容工程。新增托位300个，建成2所示范性托育机构。'],
      ['专栏1幼有善育工程', '妇幼保健提升工程。建设县妇幼保健院业务用房1万平方米。'],
    ]);
  });
});
