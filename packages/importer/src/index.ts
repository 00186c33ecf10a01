import type { PlanInput, RegionCode } from '@minsheng/domain';
import { readIndicatorTables } from './indicators.ts';
import { type Line, splitLines, squeezeCjkSpaces } from './lines.ts';
import { readBoxes, readServiceList, readStandards, readTasks } from './lists.ts';
import { ImportLog, type LogEntry } from './log.ts';

export { ImportLog, type LogEntry } from './log.ts';

export interface ImportOptions {
  regionCode: RegionCode;
  /** The package name: the plan id is derived from it. */
  name: string;
  /** The text file's name, recorded as the plan's source. */
  fileName: string;
}

export interface ImportResult {
  plan: PlanInput;
  counts: Record<'indicators' | 'services' | 'standards' | 'projects' | 'tasks' | 'notes', number>;
  unplaced: LogEntry[];
  warnings: LogEntry[];
  restorations: ImportLog['restorations'];
}

const TITLE = /^[^，,。：:；]{4,60}(规划|实施计划|实施方案)$/;

function readHeader(lines: Line[], log: ImportLog) {
  const texts = lines.map((l) => l.text);
  const all = texts.join('\n');
  const titleLine = lines.find((l) => TITLE.test(l.text) && !/^(关于|现将|印发)/.test(l.text));
  if (!titleLine) log.warn(lines[0]!, 'no title line found: set the plan title by hand');
  const title = titleLine ? squeezeCjkSpaces(titleLine.text) : '';
  const signed = texts.find((t) => /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(t));
  const published = /发布时间\s*[:：]\s*(\d{4}-\d{2}-\d{2})/.exec(all)?.[1];
  let issueDate: string | null = published ?? null;
  if (signed) {
    const [, y, m, d] = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(signed)!;
    issueDate = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  }
  const docNo =
    /^([\p{Script=Han}]{2,8}〔\d{4}〕\s*\d+\s*号)$/mu.exec(all)?.[1]?.replace(/\s/g, '') ?? null;
  const issuer =
    /发布机构\s*[:：]\s*(\S+)/.exec(all)?.[1] ??
    texts.find(
      (t, i) => /人民政府$/.test(t) && texts.slice(i + 1, i + 4).some((n) => /^\d{4}\s*年/.test(n)),
    ) ??
    texts.find((t) => /人民政府$|办公室$/.test(t) && t.length <= 20) ??
    '';
  if (!issuer) log.warn(lines[0]!, 'no issuer found: set it by hand');
  const basisText =
    /本规划依据(.+?)编制/s.exec(all)?.[1] ?? /根据(.+?)(?:等要求|要求|，|,)/.exec(all)?.[1] ?? '';
  const basis = [...basisText.matchAll(/《([^》]+)》/g)].map((m) => squeezeCjkSpaces(m[1]!));
  const span = /(\d{4})\s*[—–-]+\s*(\d{4})\s*年/.exec(all);
  const isFive = /十四五|十三五/.test(title);
  const implementation = /实施计划|实施方案/.test(title) || /特制订本实施计划|实施计划/.test(all);
  let period = span ? { start: Number(span[1]), end: Number(span[2]) } : null;
  if (!period && /十四五/.test(all)) period = { start: 2021, end: 2025 };
  if (implementation && !isFive) {
    const year = Number(/(\d{4})\s*年/.exec(title)?.[1] ?? issueDate?.slice(0, 4) ?? 0);
    if (year) period = { start: year, end: year };
  }
  if (!period) {
    log.warn(lines[0]!, 'no plan period found: set it by hand');
    period = { start: 2021, end: 2025 };
  }
  return {
    title: title || '（标题待补）',
    kind: implementation && !isFive ? ('implementation' as const) : ('five_year' as const),
    period,
    issuer: issuer || '（发布机关待补）',
    documentNumber: docNo,
    issueDate,
    basis,
  };
}

/**
 * Reads a plan's plain text into a draft plan: header, indicator tables, service list, standards
 * tables, 专栏 projects and numbered tasks. Generic: no code path knows a particular plan. What it
 * cannot place or had to guess is in the result, for a person to finish by hand.
 */
export function importPlanText(source: string, options: ImportOptions): ImportResult {
  const lines = splitLines(source);
  const log = new ImportLog();
  if (lines.every((l) => l.text === '')) throw new Error('the text is empty');
  const header = readHeader(lines, log);
  const tables = readIndicatorTables(lines, log);
  const services = readServiceList(lines, log);
  const standards = readStandards(lines, log);
  const boxes = readBoxes(lines, log);
  const tasks = readTasks(lines, log);
  const indicators = tables.flatMap((t) => t.indicators);
  const seen = new Map<string, number>();
  for (const ind of indicators) {
    const n = (seen.get(ind.id) ?? 0) + 1;
    seen.set(ind.id, n);
    if (n > 1) ind.id = `${ind.id}-${n}`;
  }
  const main = tables[0];
  const plan: PlanInput = {
    id: `${options.name}-${header.period.start}`.toLowerCase().replace(/[^a-z0-9-]/g, '-'),
    regionCode: options.regionCode,
    ...header,
    source: { file: options.fileName, url: null },
    indicatorTable: main ? { title: squeezeCjkSpaces(main.title), footnote: main.footnote } : null,
    indicators,
    declaredServiceCount: services?.declaredTotal ?? null,
    serviceFields: services?.fields ?? [],
    services: [...(services?.items ?? []), ...standards.items],
    projects: [...boxes.projects, ...tasks.projects],
    notes: log.restorations.map((r) => ({
      kind: 'restoration' as const,
      where: { section: 'text', line: r.line },
      text: `${r.why}: "${r.original}" read as "${r.restored}"`,
      original: r.original,
    })),
  };
  return {
    plan,
    counts: {
      indicators: indicators.length,
      services: services?.items.length ?? 0,
      standards: standards.items.length,
      projects: boxes.projects.length,
      tasks: tasks.projects.length,
      notes: plan.notes?.length ?? 0,
    },
    unplaced: log.unplacedLines,
    warnings: log.warnings,
    restorations: log.restorations,
  };
}
