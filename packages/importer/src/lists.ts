import {
  extractQuantities,
  type FieldKey,
  type FundingLevel,
  fieldKeyOf,
  type ProjectInput,
  type ServiceFieldInput,
  type ServiceItemInput,
} from '@minsheng/domain';
import { isHeading, isProse, type Line, squeezeCjkSpaces } from './lines.ts';
import type { ImportLog } from './log.ts';

function fieldOf(label: string): { key: FieldKey; label: string } {
  const clean = squeezeCjkSpaces(label);
  return { key: fieldKeyOf(clean) ?? 'general', label: clean };
}

const COUNT_MARK = /[（(]\s*共\s*计?\s*(\d+)\s*项?\s*[)）]\s*[。.]?\s*$/;
const SERVICE_HEADER = /^(服务领域|服务内容与目标|服务内容|服务项目|序号)$/;

/** A field's name standing alone as a table cell: 幼有所育, 优军服务保障. */
function isFieldCell(text: string): boolean {
  const t = text.replace(/\s/g, '');
  return t.length >= 2 && t.length <= 10 && !/[，,。；;：:\d]/.test(t) && fieldKeyOf(t) !== null;
}

export interface ServiceList {
  fields: ServiceFieldInput[];
  items: ServiceItemInput[];
  declaredTotal: number | null;
  lines: Set<number>;
}

/**
 * Reads a 基本公共服务项目清单 laid out as 服务领域 / 服务内容与目标 / 服务项目 blocks, the items
 * comma-separated and closed by （共计N项）. A PDF may break a block over several lines.
 */
export function readServiceList(lines: Line[], log: ImportLog): ServiceList | null {
  const start = lines.findIndex((l) => /^表\s*\d+/.test(l.text) && /项目清单/.test(l.text));
  if (start < 0) return null;
  const title = lines[start]!.text;
  const section = `表${/^表\s*(\d+)/.exec(title)?.[1] ?? ''}`;
  const used = new Set<number>([lines[start]!.no]);
  const fields: ServiceFieldInput[] = [];
  const items: ServiceItemInput[] = [];
  let block: { label: Line; body: Line[] } | null = null;

  const close = () => {
    if (!block) return;
    const [content, ...rest] = block.body;
    const field = fieldOf(block.label.text);
    // PDF line breaks fall inside words: the pieces of the item list join with nothing between.
    let list = rest.map((l) => l.text).join('');
    const count = COUNT_MARK.exec(list);
    if (count) list = list.slice(0, count.index);
    const split = (re: RegExp) =>
      list
        .split(re)
        .map((s) => squeezeCjkSpaces(s).replace(/[。.]$/, ''))
        .filter(Boolean);
    let names = split(/[,，;；]/);
    // 、 usually joins words inside one item (职业介绍、职业指导…), but some lists use it between
    // items: take that reading only when it is the one that gives the declared count.
    if (
      count &&
      names.length < Number(count[1]) &&
      split(/[,，;；、]/).length === Number(count[1])
    ) {
      names = split(/[,，;；、]/);
      log.warn(
        block.label,
        `${field.label}: items separated by 、 to match the declared ${count[1]}`,
      );
    }
    fields.push({
      field,
      contentAndGoal: content ? squeezeCjkSpaces(content.text) : undefined,
      declaredCount: count ? Number(count[1]) : null,
      source: { section, line: block.label.no },
    });
    const n0 = items.filter((i) => i.field.key === field.key).length;
    names.forEach((name, k) => {
      items.push({
        id: `s-${field.key.replace(/_/g, '-')}-${String(n0 + k + 1).padStart(2, '0')}`,
        field,
        name,
        source: { section, item: items.length + 1, line: rest[0]?.no ?? block!.label.no },
      });
    });
    if (!content || names.length === 0)
      log.unplaced(block.label, `the ${field.label} block has no content or items`);
    block = null;
  };

  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text === '') continue;
    if (SERVICE_HEADER.test(l.text.replace(/\s/g, ''))) {
      used.add(l.no);
      continue;
    }
    if (isFieldCell(l.text)) {
      close();
      block = { label: l, body: [] };
      used.add(l.no);
      continue;
    }
    const finished = block && COUNT_MARK.test(block.body.map((b) => b.text).join(''));
    if (!block || finished || isHeading(l.text)) {
      // After a block's count, anything but another field ends the table.
      if (!block || finished || isHeading(l.text) || isProse(l.text)) break;
    }
    block.body.push(l);
    used.add(l.no);
  }
  close();
  const text = lines.map((l) => l.text).join('');
  const total = /(?:提供|共|明确)\s*(\d+)\s*项基\s*本?\s*公共服务/.exec(text);
  return { fields, items, declaredTotal: total ? Number(total[1]) : null, lines: used };
}

const STANDARD_HEADER =
  /^(服务项目|服务对象|保障标准(及措施)?|支出责任|覆盖水平|牵头负责单位|服务内容)$/;
const FUNDING_WORDS: Array<[FundingLevel, RegExp]> = [
  ['central', /中央/],
  ['province', /省/],
  ['city', /市/],
  ['county', /县|区/],
];

/**
 * Reads 基本标准 tables: a title ending in 标准, a header of 服务项目 / 服务对象 / 保障标准 /
 * 支出责任 / 覆盖水平, then tab-indented cells, long cells continued on lines of their own.
 */
export function readStandards(
  lines: Line[],
  log: ImportLog,
): { items: ServiceItemInput[]; lines: Set<number> } {
  const items: ServiceItemInput[] = [];
  const used = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const title = lines[i]!;
    if (!/标准$/.test(title.text) || title.text.length > 40 || title.tabbed) continue;
    const header: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const t = lines[j]!.text.replace(/\s/g, '');
      if (t === '') continue;
      if (!STANDARD_HEADER.test(t)) break;
      header.push(t);
      used.add(lines[j]!.no);
    }
    if (header.length < 3 || !header.includes('服务项目')) continue;
    used.add(title.no);
    const cells: Array<{ text: string; line: Line }> = [];
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.text === '' && !l.tabbed) continue;
      if (l.tabbed) {
        cells.push({ text: l.text, line: l });
      } else if (cells.length && l.text.length <= 40 && !isHeading(l.text)) {
        // A long cell broken by the copy: the piece belongs to the cell before it.
        cells[cells.length - 1]!.text += l.text;
      } else {
        break;
      }
      used.add(l.no);
    }
    if (cells.length % header.length !== 0) {
      log.warn(
        title,
        `${cells.length} cells do not fill rows of ${header.length}: check the rows of "${title.text}"`,
      );
    }
    const field = fieldOf(title.text.replace(/^.*“十四五”/, '').replace(/基本标准$|标准$/, ''));
    let previous: Record<string, string> = {};
    for (let r = 0; r + header.length <= cells.length; r += header.length) {
      const row: Record<string, string> = {};
      header.forEach((h, c) => {
        const text = cells[r + c]!.text;
        row[h] = text === '同上' && previous[h] ? previous[h]! : text;
        if (text === '同上')
          log.warn(cells[r + c]!.line, `同上 under ${h} resolved to "${row[h]}"`);
      });
      previous = row;
      if (!row.服务项目) {
        log.unplaced(
          cells[r]!.line,
          `a row of "${title.text}" with no 服务项目: ${Object.values(row).join(' | ')}`,
        );
        continue;
      }
      const standard = row.保障标准 ?? row.保障标准及措施;
      const funding = row.支出责任;
      const n = items.filter((it) => it.field.key === field.key).length + 1;
      items.push({
        id: `std-${field.key.replace(/_/g, '-')}-${String(n).padStart(2, '0')}`,
        field,
        name: row.服务项目,
        targetGroup: row.服务对象,
        standard,
        standardAmounts: standard ? extractQuantities(standard) : [],
        funding,
        fundingLevels: funding
          ? FUNDING_WORDS.filter(([, re]) => re.test(funding)).map(([k]) => k)
          : [],
        coverage: row.覆盖水平,
        table: title.text,
        source: { section: title.text, item: r / header.length + 1, line: cells[r]!.line.no },
      });
    }
    i = j - 1;
  }
  return { items, lines: used };
}

/**
 * Reads every 专栏 box: its items are the paragraphs up to the next heading, or numbered
 * entries (1, 2, 3 standing alone) with a name line and text lines that a PDF broke apart.
 */
export function readBoxes(
  lines: Line[],
  log: ImportLog,
): { projects: ProjectInput[]; lines: Set<number> } {
  const projects: ProjectInput[] = [];
  const used = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    const m = /^专栏\s*(\d+)\s*[:：]?\s*(.*)$/.exec(head.text);
    if (!m) continue;
    used.add(head.no);
    const boxNo = Number(m[1]);
    const box = squeezeCjkSpaces(head.text);
    const field = fieldOf(m[2] ?? '');
    const body: Line[] = [];
    let blanks = 0;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.text === '') {
        blanks++;
        continue;
      }
      if (isHeading(l.text)) break;
      // A paragraph after a run of blank lines is the chapter's text again, not the box.
      if (body.length && blanks >= 2 && isProse(l.text) && !l.tabbed) break;
      blanks = 0;
      body.push(l);
      used.add(l.no);
    }
    const numbered = body.some((l) => /^\d{1,2}$/.test(l.text));
    const entries: Array<{ first: Line; name?: string; text: string }> = [];
    if (numbered) {
      let cur: { first: Line; parts: string[] } | null = null;
      const flush = () => {
        if (!cur) return;
        const [name, ...rest] = cur.parts;
        const text = rest.join('');
        entries.push({
          first: cur.first,
          name: name ? squeezeCjkSpaces(name) : undefined,
          text: squeezeCjkSpaces(text || name || ''),
        });
        cur = null;
      };
      for (const l of body) {
        if (/^\d{1,2}$/.test(l.text)) {
          flush();
          cur = { first: l, parts: [] };
        } else if (cur) {
          cur.parts.push(l.text);
        } else {
          log.unplaced(l, `text in ${box} before its first numbered item`);
        }
      }
      flush();
    } else {
      for (const l of body) {
        const name = /^([^。：:，,]{2,20})[。：:]/.exec(l.text)?.[1];
        entries.push({ first: l, name, text: l.text });
      }
    }
    entries.forEach((e, k) => {
      projects.push({
        id: `p-${boxNo}-${String(k + 1).padStart(2, '0')}`,
        kind: 'project',
        box,
        field,
        ...(e.name ? { name: e.name } : {}),
        text: e.text,
        quantities: extractQuantities(e.text),
        source: { section: `专栏${boxNo}`, item: k + 1, line: e.first.no },
      });
    });
    if (entries.length === 0) log.unplaced(head, `${box} has no items`);
    i = j - 1;
  }
  return { projects, lines: used };
}

const GROUP = /^[（(]([一二三四五六七八九十]+)[)）]\s*(.*)$/;
const RESPONSIBLE = /^[（(]\s*(?:责任单位|牵头单位)\s*[:：]\s*(.+?)\s*[)）]$/;
const TASK = /^(\d{1,3})\s*[.．、]\s*(.+)$/;

/**
 * Reads numbered tasks (1.普惠性学前教育。…) under group headings ((一)基本公共教育), each
 * group closed by a (责任单位:…) line naming who answers for its tasks.
 */
export function readTasks(
  lines: Line[],
  _log: ImportLog,
): { projects: ProjectInput[]; lines: Set<number> } {
  const projects: ProjectInput[] = [];
  const used = new Set<number>();
  let group: { label: string; line: Line } | null = null;
  let pending: ProjectInput[] = [];
  let chapter = '';
  let unnumbered = 0;
  for (const l of lines) {
    if (/^[一二三四五六七八九十]+、/.test(l.text)) {
      chapter = l.text;
      group = null;
      continue;
    }
    const resp = RESPONSIBLE.exec(l.text);
    if (resp) {
      const units = resp[1]!
        .split(/[、，,]/)
        .map((s) => s.trim())
        .filter(Boolean);
      for (const p of pending) p.responsible = units;
      pending = [];
      used.add(l.no);
      continue;
    }
    const task = TASK.exec(l.text);
    const g = GROUP.exec(l.text);
    if (g && (g[2] ?? '').length <= 20) {
      group = { label: l.text, line: l };
      used.add(l.no);
      continue;
    }
    if (!task && !g) continue;
    if (!group && !g) continue;
    const text = task ? task[2]! : l.text;
    const name = /^([^。]{2,24})。/.exec(g ? g[2]! : text)?.[1];
    const box = g ? chapter || '(untitled)' : group!.label;
    const field = fieldOf(g ? (name ?? '') : group!.label);
    const p: ProjectInput = {
      id: task ? `t-${task[1]}` : `t-m-${++unnumbered}`,
      kind: 'task',
      box,
      field,
      ...(task ? { number: Number(task[1]) } : {}),
      ...(name ? { name } : {}),
      text,
      quantities: extractQuantities(text),
      responsible: [],
      source: { section: box, line: l.no },
    };
    projects.push(p);
    pending.push(p);
    used.add(l.no);
  }
  return { projects, lines: used };
}
