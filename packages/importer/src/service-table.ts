import { extractQuantities, fieldKeyOf, type ServiceItemInput } from '@minsheng/domain';
import { isHeading, isProse, type Line, NUMBERED_HEADING, squeezeCjkSpaces } from './lines.ts';
import { FUNDING_WORDS } from './lists.ts';
import type { ImportLog } from './log.ts';

/**
 * Service lists and standards set out as a table with rows and cells (Word, web page,
 * spreadsheet, tab-separated text): the columns found by their header words, like the
 * indicator tables — 服务领域, 服务项目, 服务对象, 服务内容, 服务标准, 支出责任, 牵头单位.
 */

type Column =
  | 'seq'
  | 'field'
  | 'name'
  | 'target'
  | 'content'
  | 'standard'
  | 'funding'
  | 'lead'
  | 'coverage';

const WORDS: Array<[Column, RegExp]> = [
  ['seq', /^(序号|编号)$/],
  ['field', /^(服务领域|领域|类别|服务类别)$/],
  ['name', /^(服务项目|项目名称|服务事项|项目)$/],
  ['target', /^(服务对象|对象)$/],
  ['content', /^(服务内容|内容)$/],
  ['standard', /^(服务标准|保障标准|保障标准及措施|服务指导标准|标准)$/],
  ['funding', /^(支出责任|支出责任及分担方式|资金来源)$/],
  ['lead', /^(牵头负责单位|牵头单位|责任单位|牵头部门|负责单位)$/],
  ['coverage', /^(覆盖水平)$/],
];

const squash = (s: string) => s.replace(/[\s\u3000]/g, '');

function columnOf(text: string): Column | null {
  const t = squash(text);
  for (const [column, re] of WORDS) if (re.test(t)) return column;
  return null;
}

/** A service table's header row: the end of any indicator table above it. */
export const isServiceHeader = (line: Line) => headerColumns(line) !== null;

function headerColumns(line: Line): Array<Column | null> | null {
  if (!line.cells) return null;
  const columns = line.cells.map((c) => columnOf(c.text));
  const known = new Set(columns.filter(Boolean));
  return known.has('name') &&
    known.size >= 3 &&
    [...known].some((c) => c !== 'seq' && c !== 'field' && c !== 'name')
    ? columns
    : null;
}

export function readServiceTables(
  lines: Line[],
  log: ImportLog,
): { items: ServiceItemInput[]; lines: Set<number> } {
  const items: ServiceItemInput[] = [];
  const used = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const columns = headerColumns(lines[i]!);
    if (!columns) continue;
    const head = lines[i]!;
    used.add(head.no);
    let title = '基本公共服务项目';
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
      const t = lines[k]!.text;
      if (t && !lines[k]!.cells && t.length <= 60 && !/[。；]$/.test(t)) {
        title = t;
        used.add(lines[k]!.no);
        break;
      }
    }
    let field = '';
    type Row = Partial<Record<Column, string>> & { line: Line };
    const rows: Row[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.text === '') continue;
      if (!l.cells) {
        if (isHeading(l.text) && !NUMBERED_HEADING.test(l.text)) break;
        if (isProse(l.text) || /^(注|说明)\s*[:：]/.test(l.text)) break;
        // A row spanning the table: the field of the rows below.
        field = l.text.replace(NUMBERED_HEADING, '');
        used.add(l.no);
        continue;
      }
      if (headerColumns(l)) {
        used.add(l.no);
        continue;
      }
      const row: Row = { line: l };
      l.cells.forEach((cell, k) => {
        const column = columns[cell.col ?? k];
        if (column && cell.text)
          row[column] = row[column] ? `${row[column]}${cell.text}` : cell.text;
      });
      const filled = l.cells.filter((c) => c.text);
      if (filled.length === 1 && NUMBERED_HEADING.test(filled[0]!.text)) {
        field = filled[0]!.text.replace(NUMBERED_HEADING, '');
        used.add(l.no);
        continue;
      }
      if (row.field) field = row.field;
      const prev = rows[rows.length - 1];
      if (prev && !row.seq && !row.name && Object.keys(row).length > 1) {
        // A row continuing the one above (a long cell carried onto the next line).
        for (const c of Object.keys(row) as Column[]) {
          if (c !== 'field' && row[c]) prev[c] = `${prev[c] ?? ''}${row[c]}`;
        }
        used.add(l.no);
        continue;
      }
      if (!row.name) {
        log.unplaced(l, 'a row of the service table with no 服务项目');
        used.add(l.no);
        continue;
      }
      rows.push({ ...row, field });
      used.add(l.no);
    }
    for (const row of rows) {
      const label = squeezeCjkSpaces(row.field || title);
      const key = fieldKeyOf(label);
      if (!key)
        log.unplaced(row.line, `field "${label}" is not one the system knows; filed under general`);
      const n = items.filter((it) => it.field.key === (key ?? 'general')).length + 1;
      const funding = row.funding;
      items.push({
        id: `svc-${(key ?? 'general').replace(/_/g, '-')}-${String(n).padStart(2, '0')}`,
        field: { key: key ?? 'general', label },
        name: row.name!,
        ...(row.content ? { content: row.content } : {}),
        ...(row.target ? { targetGroup: row.target } : {}),
        ...(row.standard
          ? { standard: row.standard, standardAmounts: extractQuantities(row.standard) }
          : {}),
        ...(funding
          ? {
              funding,
              fundingLevels: FUNDING_WORDS.filter(([, re]) => re.test(funding)).map(([k]) => k),
            }
          : {}),
        ...(row.coverage ? { coverage: row.coverage } : {}),
        ...(row.lead ? { leadDepartment: row.lead } : {}),
        table: title,
        source: { section: title, item: Number(row.seq) || items.length + 1, line: row.line.no },
      });
    }
    i = j - 1;
  }
  return { items, lines: used };
}
