/**
 * Writes the import corpus: each plan of plans.ts set out in the layouts and formats officials
 * have (text one cell a line, tab-separated, HTML, Word, Excel, PDF), with the expected reading
 * of each file beside it in expected/. Run: `pnpm --filter @minsheng/importer corpus`.
 * The files are committed; this script is how they were made and how to make them again.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import PDFDocument from 'pdfkit';
import {
  BAIHE,
  type CorpusPlan,
  expected,
  expectedServices,
  JINCHUAN,
  type PlanRow,
  QINGLING,
  SONGXI,
  SONGXI_SERVICES,
} from './plans.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const FILES = path.join(here, 'files');
const EXPECTED = path.join(here, 'expected');

const INTRO =
  '为加快推进基本公共服务均等化，根据上级规划部署，结合本地实际，制定本规划。规划期为2021—2025年。';
const AFTER = [
  '第三章 主要任务',
  '一、健全幼有所育服务体系',
  '加快发展普惠托育服务，支持用人单位在工作场所为职工提供托育服务，推动托育机构规范发展。',
];

type Layout = { header: string[]; cells: (row: PlanRow, i: number, first: boolean) => string[] };

/** The columns a layout writes, in order. */
function layout(opts: {
  seq?: boolean;
  field?: 'once' | 'repeat' | false;
  unit?: boolean;
  years?: [string, string];
  nature?: string;
}): Layout {
  const header = [
    ...(opts.seq ? ['序号'] : []),
    ...(opts.field ? ['领域'] : []),
    '指标名称',
    ...(opts.unit ? ['单位'] : []),
    ...(opts.years ?? ['2020年', '2025年']),
    opts.nature ?? '属性',
  ];
  return {
    header,
    cells: (row, i, first) => [
      ...(opts.seq ? [String(i + 1)] : []),
      ...(opts.field ? [opts.field === 'repeat' || first ? row.field : ''] : []),
      row.name,
      ...(opts.unit ? [row.unit ?? ''] : []),
      row.baseline,
      row.target,
      row.nature,
    ],
  };
}

const firstOfField = (rows: PlanRow[], i: number) =>
  i === 0 || rows[i - 1]!.field !== rows[i]!.field;

function write(
  name: string,
  plan: CorpusPlan,
  content: string | Uint8Array,
  note: string,
  unitColumn = true,
  services = false,
): void {
  writeFileSync(path.join(FILES, name), content);
  const reading = {
    file: name,
    layout: note,
    indicators: expected(plan, unitColumn),
    ...(services ? { services: expectedServices(SONGXI_SERVICES) } : {}),
  };
  writeFileSync(path.join(EXPECTED, `${name}.json`), `${JSON.stringify(reading, null, 2)}\n`);
}

const SERVICE_HEADER = [
  '序号',
  '服务领域',
  '服务项目',
  '服务对象',
  '服务内容',
  '服务标准',
  '支出责任',
  '牵头负责单位',
];
const serviceCells = (r: (typeof SONGXI_SERVICES)[number], i: number, first: boolean) => [
  String(i + 1),
  first ? r.field : '',
  r.name,
  r.target,
  r.content,
  r.standard,
  r.funding,
  r.lead,
];
const firstService = (i: number) =>
  i === 0 || SONGXI_SERVICES[i - 1]!.field !== SONGXI_SERVICES[i]!.field;

/** Word: the indicator table, then the service standards table, fields merged down (vMerge). */
function docxServices(): void {
  const l = layout({ seq: true, field: 'once', unit: true });
  const indicatorRows = [l.header.map((h) => wCell([h])).join('')];
  SONGXI.rows.forEach((row, i) => {
    indicatorRows.push(
      l
        .cells(row, i, firstOfField(SONGXI.rows, i))
        .map((c) => wCell([c]))
        .join(''),
    );
  });
  const serviceRows = [SERVICE_HEADER.map((h) => wCell([h])).join('')];
  SONGXI_SERVICES.forEach((r, i) => {
    const first = firstService(i);
    serviceRows.push(mergedRow(serviceCells(r, i, first), first));
  });
  const body =
    [SONGXI.title, INTRO, '表1 主要发展指标'].map(wText).join('') +
    wTable(indicatorRows) +
    ['第三章 基本公共服务标准', '表2 松溪区基本公共服务实施标准'].map(wText).join('') +
    wTable(serviceRows) +
    AFTER.map(wText).join('');
  write(
    'songxi-with-services.docx',
    SONGXI,
    docx(body),
    'Word: the indicator table and a 基本公共服务实施标准 table (序号, 服务领域 merged down, 服务项目, 服务对象, 服务内容, 服务标准, 支出责任, 牵头负责单位)',
    true,
    true,
  );
}

/** A web page: the indicator table, then the service table with fields as rows spanning it. */
function htmlServices(): void {
  const l = layout({ seq: true, field: 'repeat', unit: true });
  const numerals = '一二三四五六七八九十';
  let n = 0;
  const services = SONGXI_SERVICES.map((r, i) => {
    const heading = firstService(i)
      ? `<tr><td colspan="7">${numerals[n++]}、${esc(r.field)}</td></tr>\n`
      : '';
    const cells = serviceCells(r, i, true).filter((_, k) => k !== 1);
    return `${heading}<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
  }).join('\n');
  const html = `<!DOCTYPE html><html lang="zh-CN"><body>
<h1>${SONGXI.title}</h1><p>${INTRO}</p>
<p>表1 主要发展指标</p>
<table><tr>${l.header.map((h) => `<th>${h}</th>`).join('')}</tr>
${SONGXI.rows
  .map(
    (row, i) =>
      `<tr>${l
        .cells(row, i, true)
        .map((c) => `<td>${esc(c)}</td>`)
        .join('')}</tr>`,
  )
  .join('\n')}
</table>
<p>松溪区基本公共服务项目清单</p>
<table><tr>${SERVICE_HEADER.filter((h) => h !== '服务领域')
    .map((h) => `<th>${h}</th>`)
    .join('')}</tr>
${services}
</table>
${AFTER.map((a) => `<p>${a}</p>`).join('\n')}
</body></html>
`;
  write(
    'songxi-with-services.html',
    SONGXI,
    html,
    'HTML: the indicator table and, straight after it, a service list whose fields are rows spanning the table (一、幼有所育)',
    true,
    true,
  );
}

const head = (plan: CorpusPlan) => [plan.title, '', INTRO, '', '第二章 发展目标', ''];

// ---------------------------------------------------------------- plain text

/** The issue's first failing case: a tab-separated table, header on one line. */
function tsvSeq(): void {
  const l = layout({ seq: true, field: 'once' });
  const rows = QINGLING.rows.map((row, i) =>
    l.cells(row, i, firstOfField(QINGLING.rows, i)).join('\t'),
  );
  const text = [
    ...head(QINGLING),
    '表1 “十四五”基本公共服务主要指标',
    l.header.join('\t'),
    ...rows,
    '',
    ...AFTER,
  ];
  write(
    'qingling-tsv.txt',
    QINGLING,
    text.join('\n'),
    'tab-separated, 序号, 领域 written once, no 单位 column',
    false,
  );
}

/** The issue's second failing case: one cell a line, with 序号, 单位 and 属性 columns. */
function oneLineSeqUnit(): void {
  const l = layout({ seq: true, field: 'once', unit: true });
  const cells = QINGLING.rows.flatMap((row, i) =>
    l.cells(row, i, firstOfField(QINGLING.rows, i)).filter(Boolean),
  );
  const text = [
    ...head(QINGLING),
    '主要发展指标',
    '',
    ...l.header.flatMap((h) => [h, '']),
    ...cells.flatMap((c) => [c, '']),
    ...AFTER,
  ];
  write(
    'qingling-one-cell-per-line.txt',
    QINGLING,
    text.join('\n'),
    'one cell a line, blank lines between, 序号 and 单位 columns, 领域 once',
  );
}

/** One cell a line without 序号: rows told apart by what the cells are; field on every row. */
function oneLineNoSeq(): void {
  const l = layout({
    field: 'repeat',
    unit: true,
    years: ['基期值', '目标值'],
    nature: '指标属性',
  });
  const cells = SONGXI.rows.flatMap((row, i) => l.cells(row, i, true));
  const text = [...head(SONGXI), '表2 主要指标', ...l.header, ...cells, '', ...AFTER];
  write(
    'songxi-one-cell-per-line.txt',
    SONGXI,
    text.join('\n'),
    'one cell a line, no blank lines, no 序号, 领域 repeated, 基期值/目标值',
  );
}

/** A table copied from a PDF: split over two pages, header repeated, names wrapped, footnote. */
function tsvTwoPage(): void {
  const l = layout({ seq: true, field: 'once', unit: true });
  const out: string[] = [
    ...head(SONGXI),
    '表1 松溪区“十四五”公共服务主要发展指标',
    l.header.join('\t'),
  ];
  SONGXI.rows.forEach((row, i) => {
    const cells = l.cells(row, i, firstOfField(SONGXI.rows, i));
    if (i === 9) out.push('', '— 7 —', '', '续表1', l.header.join('\t'));
    if (row.name.length > 14) {
      // The name wraps: its second half on a line of its own, every other cell empty.
      const cut = 12;
      out.push(cells.map((c, k) => (k === 2 ? c.slice(0, cut) : c)).join('\t'));
      out.push(cells.map((c, k) => (k === 2 ? c.slice(cut) : '')).join('\t'));
    } else {
      out.push(cells.join('\t'));
    }
  });
  out.push('注：【】内为五年累计数。带“＞”“大于”的为下限目标。', '', ...AFTER);
  write(
    'songxi-tsv-two-pages.txt',
    SONGXI,
    out.join('\n'),
    'tab-separated over two pages: page number, 续表, header repeated, wrapped names, footnote',
  );
}

/** No field column: fields as rows of their own (一、托育服务); units in the names. */
function tsvFieldRows(): void {
  const out: string[] = [
    ...head(BAIHE),
    '白河市“十四五”公共服务指标体系',
    ['指标', '现状值', '目标值', '性质'].join('\t'),
  ];
  const numerals = '一二三四五六七八九十';
  let n = 0;
  BAIHE.rows.forEach((row, i) => {
    if (firstOfField(BAIHE.rows, i)) out.push(`${numerals[n++]}、${row.field}\t\t\t`);
    out.push([row.name, row.baseline, row.target, row.nature].join('\t'));
  });
  out.push('', ...AFTER);
  write(
    'baihe-tsv-field-rows.txt',
    BAIHE,
    out.join('\n'),
    'tab-separated, fields as heading rows, units in names, 现状值/目标值 with the period from the title, 指标体系',
  );
}

/** A Windows-saved text file: GB18030, one cell a line, 序号, units in names. */
function gb18030(): void {
  const l = layout({
    seq: true,
    field: 'once',
    years: ['2020年基期值', '2025年目标值'],
    nature: '指标性质',
  });
  const cells = BAIHE.rows.flatMap((row, i) =>
    l.cells(row, i, firstOfField(BAIHE.rows, i)).filter(Boolean),
  );
  const text = [...head(BAIHE), '表1 主要指标', ...l.header, ...cells, '', ...AFTER].join('\r\n');
  write(
    'baihe-gb18030.txt',
    BAIHE,
    encodeGb18030(text),
    'GB18030 text with CRLF, one cell a line, 序号, 2020年基期值/2025年目标值',
  );
}

/** Node decodes GB18030 but cannot encode it: the table of the characters used, built by decoding. */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const map = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && !map.has(ch)) map.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = map.get(ch);
      if (!bytes) throw new Error(`no GB18030 two-byte code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

// ---------------------------------------------------------------- HTML

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A government site's page: rowspan field cells, a thead, navigation and script around it. */
function htmlRowspan(): void {
  const l = layout({ seq: true, field: 'once', unit: true });
  const rows = QINGLING.rows
    .map((row, i) => {
      const span = QINGLING.rows.filter((x) => x.field === row.field).length;
      const cells = l.cells(row, i, firstOfField(QINGLING.rows, i));
      const tds = cells
        .map((c, k) => {
          if (k === 1)
            return firstOfField(QINGLING.rows, i) ? `<td rowspan="${span}">${esc(c)}</td>` : '';
          return `<td>${esc(c)}</td>`;
        })
        .join('');
      return `      <tr>${tds}</tr>`;
    })
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>${QINGLING.title}_青岭县人民政府网</title>
<script>var _hmt = _hmt || []; document.write("<table><tr><td>广告</td></tr></table>");</script>
<style>td { border: 1px solid #333 }</style></head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 规划计划</div>
<div class="article">
  <h1>${QINGLING.title}</h1>
  <p>发布机构：${QINGLING.issuer}　发布时间：2022-03-15</p>
  <p>${INTRO}</p>
  <h2>第二章 发展目标</h2>
  <p style="text-align:center"><strong>表1 “十四五”基本公共服务主要指标</strong></p>
  <table border="1" cellspacing="0">
    <thead><tr>${l.header.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
    <tbody>
${rows}
    </tbody>
  </table>
  <p>注：【】内为五年累计数。</p>
  ${AFTER.map((a) => `<p>${a}</p>`).join('\n  ')}
</div>
<div class="footer">主办：青岭县人民政府办公室　联系电话：0839-1234567</div>
</body></html>
`;
  write(
    'qingling.html',
    QINGLING,
    html,
    'HTML: rowspan field cells, thead, script and navigation around, footnote',
  );
}

/** A two-row header (指标值 over 2020年 and 2025年), field on every row, entities. */
function htmlTwoRowHeader(): void {
  const body = BAIHE.rows
    .map(
      (row, i) =>
        `<tr><td>${i + 1}</td><td>${esc(row.field)}</td><td>${esc(row.name)}</td><td>${esc(row.baseline)}</td><td>${esc(row.target)}</td><td>${row.nature}</td></tr>`,
    )
    .join('\n');
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<p>${BAIHE.title}</p>
<p>${INTRO}</p>
<p>主要发展指标</p>
<table>
<tr><td rowspan="2">序号</td><td rowspan="2">类别</td><td rowspan="2">指标</td><td colspan="2">指标值</td><td rowspan="2">属性</td></tr>
<tr><td>2020年</td><td>2025年</td></tr>
${body}
</table>
${AFTER.map((a) => `<p>${a}</p>`).join('\n')}
</body></html>
`;
  write(
    'baihe.html',
    BAIHE,
    html,
    'HTML: two-row header with colspan and rowspan, 类别 repeated, units in names',
  );
}

/** A page with an unrelated table first, then the indicator table with full-width field rows. */
function htmlFieldRows(): void {
  const l = layout({ seq: true, unit: true, years: ['基期值（2020年）', '目标值（2025年）'] });
  const numerals = '一二三四五六七八九十';
  let n = 0;
  const body = SONGXI.rows
    .map((row, i) => {
      const heading = firstOfField(SONGXI.rows, i)
        ? `<tr><td colspan="${l.header.length}">（${numerals[n++]}）${esc(row.field)}</td></tr>\n`
        : '';
      return `${heading}<tr>${l
        .cells(row, i, true)
        .map((c) => `<td><p>${esc(c)}</p></td>`)
        .join('')}</tr>`;
    })
    .join('\n');
  const html = `<!doctype html><html><body>
<h1>${SONGXI.title}</h1>
<table class="meta"><tr><td>索引号</td><td>11510000-2022-00012</td></tr><tr><td>发文机关</td><td>${SONGXI.issuer}</td></tr></table>
<p>${INTRO}</p>
<table>
<caption>表1 松溪区“十四五”公共服务主要指标</caption>
<tr>${l.header.map((h) => `<th>${h}</th>`).join('')}</tr>
${body}
</table>
<p>资料来源：区统计局、区发展改革局。</p>
${AFTER.map((a) => `<p>${a}</p>`).join('\n')}
</body></html>
`;
  write(
    'songxi.html',
    SONGXI,
    html,
    'HTML: a metadata table first, caption, field heading rows spanning the table, cells in <p>',
  );
}

// ---------------------------------------------------------------- Word

const wText = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r></w:p>`;

function wCell(paragraphs: string[], props = ''): string {
  return `<w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/>${props}</w:tcPr>${(paragraphs.length ? paragraphs : ['']).map(wText).join('')}</w:tc>`;
}

function docx(body: string): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return zipSync(
    {
      '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
      '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
      'word/document.xml': strToU8(document),
    },
    { mtime: new Date('2022-01-01T00:00:00Z') },
  );
}

/** A Word row whose second cell (the field) is merged down from the group's first row. */
const mergedRow = (cells: string[], first: boolean) =>
  cells
    .map((c, k) =>
      k === 1
        ? wCell(first ? [c] : [], first ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>')
        : wCell([c]),
    )
    .join('');

const wTable = (rows: string[]) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.map((r) => `<w:tr>${r}</w:tr>`).join('')}</w:tbl>`;

/** Word: the field cell merged down its rows (vMerge), 序号 and 单位 columns. */
function docxMerged(): void {
  const l = layout({ seq: true, field: 'once', unit: true });
  const rows = [l.header.map((h) => wCell([h])).join('')];
  QINGLING.rows.forEach((row, i) => {
    const first = firstOfField(QINGLING.rows, i);
    const cells = l.cells(row, i, first);
    rows.push(mergedRow(cells, first));
  });
  const body =
    [QINGLING.title, INTRO, '第二章 发展目标', '表1 “十四五”基本公共服务主要指标']
      .map(wText)
      .join('') +
    wTable(rows) +
    ['注：【】内为五年累计数。', ...AFTER].map(wText).join('');
  write(
    'qingling.docx',
    QINGLING,
    docx(body),
    'Word: field cells merged vertically (vMerge), 单位 column',
  );
}

/** Word: the table split in two (续表 with the header again), names in two paragraphs. */
function docxTwoTables(): void {
  const l = layout({ field: 'repeat', unit: true });
  const part = (from: number, to: number) => {
    const rows = [l.header.map((h) => wCell([h])).join('')];
    SONGXI.rows.slice(from, to).forEach((row, i) => {
      const cells = l.cells(row, from + i, true);
      rows.push(
        cells
          .map((c, k) =>
            k === 1 && c.length > 14 ? wCell([c.slice(0, 10), c.slice(10)]) : wCell([c]),
          )
          .join(''),
      );
    });
    return wTable(rows);
  };
  const body =
    [SONGXI.title, INTRO, '表1 松溪区“十四五”公共服务主要发展指标'].map(wText).join('') +
    part(0, 8) +
    wText('续表1') +
    part(8, SONGXI.rows.length) +
    AFTER.map(wText).join('');
  write(
    'songxi.docx',
    SONGXI,
    docx(body),
    'Word: the table in two parts with 续表 and the header repeated; long names in two paragraphs of one cell',
  );
}

// ---------------------------------------------------------------- Excel

/** A spreadsheet of the table: merged title and field cells, numbers formatted 0.0 and 0%. */
async function xlsxMerged(): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('主要指标');
  const l = layout({ seq: true, field: 'once', unit: true });
  sheet.addRow(['青岭县“十四五”基本公共服务主要指标']);
  sheet.mergeCells(1, 1, 1, l.header.length);
  sheet.addRow(l.header);
  QINGLING.rows.forEach((row, i) => {
    const cells: Array<string | number> = l.cells(row, i, true);
    const r = sheet.addRow(cells);
    // Plain numbers as numbers, the way a person types them into Excel.
    for (const k of [4, 5]) {
      const text = String(cells[k]);
      if (/^\d+(\.\d+)?$/.test(text)) {
        const cell = r.getCell(k + 1);
        cell.value = Number(text);
        const decimals = text.split('.')[1]?.length ?? 0;
        cell.numFmt = decimals ? `0.${'0'.repeat(decimals)}` : '0';
      }
    }
  });
  // The field cells merged down their rows.
  let start = 3;
  QINGLING.rows.forEach((row, i) => {
    const next = QINGLING.rows[i + 1];
    if (!next || next.field !== row.field) {
      const end = 3 + i;
      if (end > start) sheet.mergeCells(start, 2, end, 2);
      start = end + 1;
    }
  });
  sheet.addRow([]);
  sheet.addRow(['注：【】内为五年累计数。']);
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  write(
    'qingling.xlsx',
    QINGLING,
    bytes,
    'Excel: merged title, field cells merged down, numbers typed as numbers with 0.0 formats',
  );
}

/** A workbook whose first sheet is a note, the table on the second from row 3, units in names. */
async function xlsxSecondSheet(): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('说明').addRow(['本表为', BAIHE.title, '附表']);
  const sheet = book.addWorksheet('指标表');
  sheet.addRow([BAIHE.title]);
  sheet.addRow([]);
  sheet.addRow(['序号', '领域', '指标名称', '现状值', '目标值', '指标属性']);
  BAIHE.rows.forEach((row, i) => {
    sheet.addRow([i + 1, row.field, row.name, row.baseline, row.target, row.nature]);
  });
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  write(
    'baihe.xlsx',
    BAIHE,
    bytes,
    'Excel: a note sheet first, the table from row 3 of the second, numbers as text, 序号 as numbers',
  );
}

/**
 * A sheet as a statistics office keeps it: a sheet caption, a merged title, a two-row header
 * (指标值 merged over 2020年 and 2025年, the other header cells merged down), 类别 before 序号 and
 * merged down its rows, numbers typed as numbers and shares as percentages, a footnote.
 */
async function xlsxTwoRowHeader(): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('附表1');
  sheet.addRow(['附表1']);
  sheet.addRow([JINCHUAN.title]);
  sheet.mergeCells('A2:G2');
  sheet.addRow(['类别', '序号', '指标', '单位', '指标值', '', '指标性质']);
  sheet.addRow(['', '', '', '', '2020年', '2025年', '']);
  for (const range of ['E3:F3', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'G3:G4'])
    sheet.mergeCells(range);
  JINCHUAN.rows.forEach((row, i) => {
    const r = sheet.addRow([
      firstOfField(JINCHUAN.rows, i) ? row.field : '',
      i + 1,
      row.name,
      row.unit,
      '',
      '',
      row.nature,
    ]);
    [row.baseline, row.target].forEach((text, k) => {
      const cell = r.getCell(5 + k);
      const pct = /^(\d+)%$/.exec(text);
      if (pct) {
        cell.value = Number(pct[1]) / 100;
        cell.numFmt = '0%';
      } else cell.value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    });
  });
  sheet.mergeCells('A5:A7');
  sheet.addRow(['注：1/10万指每十万例活产中的孕产妇死亡数。']);
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  write(
    'jinchuan-two-row-header.xlsx',
    JINCHUAN,
    bytes,
    'Excel: sheet caption, merged title, two-row header with merges, 类别 before 序号 merged down, shares typed as percentages (0%), footnote',
  );
}

// ---------------------------------------------------------------- PDF

const require = createRequire(import.meta.url);
const FONT = path.join(
  path.dirname(require.resolve('@embedpdf/fonts-sc')),
  '..',
  'fonts',
  'NotoSansHans-Regular.otf',
);

interface PdfTable {
  plan: CorpusPlan;
  header: string[];
  widths: number[];
  cells: (row: PlanRow, i: number) => string[];
  /** Rows per page: the header is drawn again at the top of each. */
  perPage: number;
  /** Characters a name cell holds on one line; longer names wrap. */
  wrapAt: number;
  /** The field column as Word prints a merged cell: its text at the middle of its rows. */
  centreFields?: boolean;
  footnote?: string;
}

function pdf(t: PdfTable): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { CreationDate: new Date('2022-01-01T00:00:00Z') },
  });
  doc.registerFont('cjk', readFileSync(FONT));
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  let page = 1;
  const footer = () =>
    doc.fontSize(9).text(`— ${page} —`, 50, 770, { width: 495, align: 'center' });
  doc.fontSize(16).text(t.plan.title, 50, 60, { width: 495, align: 'center' });
  doc.fontSize(10.5).text(INTRO, 50, 100, { width: 495 });
  doc.fontSize(12).text('表1 主要发展指标', 50, 150, { width: 495, align: 'center' });
  let y = 175;
  const drawRow = (cells: string[][], size = 9) => {
    let x = 50;
    const lines = Math.max(...cells.map((c) => c.length));
    cells.forEach((c, k) => {
      for (const [n, line] of c.entries()) {
        doc.fontSize(size).text(line, x + 2, y + 4 + n * 13, {
          width: t.widths[k]! - 4,
          align: 'center',
          lineBreak: false,
        });
      }
      x += t.widths[k]!;
    });
    y += 8 + lines * 13;
    doc.moveTo(50, y).lineTo(545, y).stroke();
  };
  drawRow(t.header.map((h) => h.split('\n')));
  let groupTop = y;
  t.plan.rows.forEach((row, i) => {
    if (t.centreFields && firstOfField(t.plan.rows, i)) groupTop = y;
    if (i > 0 && i % t.perPage === 0) {
      footer();
      doc.addPage();
      page++;
      y = 60;
      doc.fontSize(10).text('续表1', 50, 40, { width: 495, align: 'left' });
      drawRow(t.header.map((h) => h.split('\n')));
    }
    const cells = t.cells(row, i).map((c) => {
      if (c.length <= t.wrapAt) return [c];
      const out: string[] = [];
      for (let k = 0; k < c.length; k += t.wrapAt) out.push(c.slice(k, k + t.wrapAt));
      return out;
    });
    drawRow(t.centreFields ? cells.map((c, k) => (k === 1 ? [] : c)) : cells);
    if (t.centreFields && (i === t.plan.rows.length - 1 || firstOfField(t.plan.rows, i + 1))) {
      const middle = (groupTop + y) / 2;
      doc.fontSize(9).text(row.field, 50 + t.widths[0]! + 2, middle - 6, {
        width: t.widths[1]! - 4,
        align: 'center',
        lineBreak: false,
      });
    }
  });
  if (t.footnote) {
    doc.fontSize(9).text(t.footnote, 50, y + 6, { width: 495 });
    y += 24;
  }
  doc.fontSize(12).text(AFTER[0]!, 50, y + 20, { width: 495 });
  doc.fontSize(10.5).text(AFTER[2]!, 50, y + 44, { width: 495 });
  footer();
  doc.end();
  return done;
}

/** PDF: one page, 领域 written once, 单位 column, centred cells. */
async function pdfOnePage(): Promise<void> {
  const l = layout({ seq: true, field: 'once', unit: true });
  const bytes = await pdf({
    plan: QINGLING,
    header: l.header,
    widths: [35, 65, 180, 45, 55, 60, 55],
    cells: (row, i) => l.cells(row, i, firstOfField(QINGLING.rows, i)),
    perPage: 99,
    wrapAt: 99,
    footnote: '注：【】内为五年累计数。',
  });
  write(
    'qingling.pdf',
    QINGLING,
    bytes,
    'PDF text layer: one page, 领域 once, 单位 column, centred cells',
  );
}

/** PDF: two pages with the header repeated, names wrapped onto a second line, page numbers. */
async function pdfTwoPages(): Promise<void> {
  const l = layout({ seq: true, field: 'once', unit: true });
  const bytes = await pdf({
    plan: SONGXI,
    header: l.header,
    widths: [35, 80, 170, 50, 55, 55, 50],
    cells: (row, i) => l.cells(row, i, i % 9 === 0 || firstOfField(SONGXI.rows, i)),
    perPage: 9,
    wrapAt: 13,
    footnote: '注：【】内为五年累计数；带“＞”“大于”的为下限目标。',
  });
  write(
    'songxi.pdf',
    SONGXI,
    bytes,
    'PDF text layer: two pages, 续表 and header repeated, wrapped names, page numbers, footnote',
  );
}

/** PDF of a Word table: merged 领域 cells printed at the middle of their rows, names wrapped. */
async function pdfCentredFields(): Promise<void> {
  const l = layout({ seq: true, field: 'repeat', unit: true });
  const bytes = await pdf({
    plan: SONGXI,
    header: l.header,
    widths: [35, 80, 170, 50, 55, 55, 50],
    cells: (row, i) => l.cells(row, i, true),
    perPage: 99,
    wrapAt: 13,
    centreFields: true,
  });
  write(
    'songxi-centred-fields.pdf',
    SONGXI,
    bytes,
    'PDF text layer of a Word table: merged 领域 cells at the middle of their rows (between rows where a field has an even count), wrapped names',
  );
}

/** PDF: header cells on two lines (2020年 over 基期值, 指标 over 属性), a narrow nature column. */
async function pdfTwoLineHeader(): Promise<void> {
  const l = layout({ seq: true, field: 'once', unit: true });
  const bytes = await pdf({
    plan: QINGLING,
    header: ['序号', '领域', '指标名称', '单位', '2020年\n基期值', '2025年\n目标值', '指标\n属性'],
    widths: [35, 65, 190, 50, 55, 60, 40],
    cells: (row, i) => l.cells(row, i, firstOfField(QINGLING.rows, i)),
    perPage: 99,
    wrapAt: 99,
  });
  write(
    'qingling-two-line-header.pdf',
    QINGLING,
    bytes,
    'PDF text layer: header cells on two lines (2020年/基期值, 2025年/目标值, 指标/属性)',
  );
}

/** PDF: units in names, fields on every row, 现状值/目标值 with the period from the title. */
async function pdfUnitsInNames(): Promise<void> {
  const bytes = await pdf({
    plan: BAIHE,
    header: ['类别', '指标', '现状值', '目标值', '性质'],
    widths: [70, 230, 65, 65, 65],
    cells: (row) => [row.field, row.name, row.baseline, row.target, row.nature],
    perPage: 99,
    wrapAt: 99,
  });
  write(
    'baihe.pdf',
    BAIHE,
    bytes,
    'PDF text layer: units in names, 类别 on every row, 现状值/目标值, full-width digits',
  );
}

mkdirSync(FILES, { recursive: true });
mkdirSync(EXPECTED, { recursive: true });
tsvSeq();
oneLineSeqUnit();
oneLineNoSeq();
tsvTwoPage();
tsvFieldRows();
gb18030();
htmlRowspan();
htmlTwoRowHeader();
htmlFieldRows();
docxMerged();
docxTwoTables();
await xlsxMerged();
await xlsxSecondSheet();
await xlsxTwoRowHeader();
await pdfOnePage();
await pdfTwoPages();
await pdfUnitsInNames();
await pdfCentredFields();
await pdfTwoLineHeader();
docxServices();
htmlServices();
console.log(`corpus written to ${path.relative(process.cwd(), FILES)}`);
