import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addUser, callerFor, HOSTILE_TEXTS } from '@minsheng/api/testing';
import { createDb, type Db, migrateToLatest, seedCatalog } from '@minsheng/db';
import { fixturePackages } from '@minsheng/db/testing';
import type { RegionPackageInput } from '@minsheng/domain';
import { buildReport, type ReportKind } from '@minsheng/reports/pdf';
import { MISSING_MARK } from '@minsheng/reports/pdf/fonts';
import type { Report } from '@minsheng/reports/pdf/model';
import { renderReport } from '@minsheng/reports/pdf/render';
import type { ReportData } from '@minsheng/reports/types';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromCaller, loadReportData } from './source.ts';

// Text typed by people (a project's progress note, in the console) and text imported from plan
// documents (region, plan, indicator, service and project names) reaches the PDFs. Hostile
// versions of each go through the real path: seeded and entered through the router into an
// in-memory database, read back by the report loader, rendered, and read out of the PDF with
// pdftotext. Observation notes and sources are not printed in any report, so they are not here.

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-output');
mkdirSync(OUT, { recursive: true });

const HOSTILE = Object.values(HOSTILE_TEXTS);
/** Tries to close the Info dictionary's string and open an action of its own. */
const PDF_SYNTAX = ') >> /OpenAction << /S /JavaScript /JS (app.alert(1)) >> /URI (\\';
const CODE = '510824';
const PLAN = 'cangxi-2021';
const YEAR = 2023;

/** Names that make a PDF act (run script, open a link, launch a program) rather than show. */
const ACTION_NAMES = ['JavaScript', 'JS', 'OpenAction', 'AA', 'Launch', 'URI', 'SubmitForm'];

/**
 * The names (/Type, /Font…) of a PDF's objects, read as a PDF reader tokenises them: strings,
 * hex strings, comments and stream data are skipped, so text drawn or stored in the file can
 * never pass for a name, and a name spelled with #xx escapes is decoded.
 */
function pdfNames(bytes: Uint8Array): Set<string> {
  const s = Buffer.from(bytes).toString('latin1');
  const names = new Set<string>();
  const delimiter = /[\s()<>[\]{}/%]/;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '%') {
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
    } else if (c === '(') {
      let depth = 0;
      for (; i < s.length; i++) {
        if (s[i] === '\\') i++;
        else if (s[i] === '(') depth++;
        else if (s[i] === ')' && --depth === 0) break;
      }
      i++;
    } else if (c === '<') {
      // "<<" opens a dictionary; a single "<" opens a hex string.
      i = s[i + 1] === '<' ? i + 2 : s.indexOf('>', i) + 1 || s.length;
    } else if (c === '/') {
      let j = i + 1;
      while (j < s.length && !delimiter.test(s[j] as string)) j++;
      names.add(
        s
          .slice(i + 1, j)
          .replace(/#([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
      );
      i = j;
    } else if (s.startsWith('stream', i) && /[\r\n]/.test(s[i + 6] ?? '')) {
      i = s.indexOf('endstream', i + 6);
      if (i < 0) throw new Error('a stream without endstream');
      i += 'endstream'.length;
    } else {
      i++;
    }
  }
  return names;
}

const squash = (s: string) => s.replace(/\s+/g, '');

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** As the PDF prints it: the font has no glyph for U+202E, which is shown as 〓, in place. */
const printed = (t: string) => t.replaceAll('\u202E', MISSING_MARK);

let db: Db | undefined;
let data: ReportData;

beforeAll(async () => {
  const packages = fixturePackages((list: RegionPackageInput[]) => {
    const cangxi = list.find((p) => p.region.code === CODE);
    const province = list.find((p) => p.region.code === '510000');
    const plan = cangxi?.plans[0];
    const lizhou = list.find((p) => p.region.code === '510802')?.plans[0];
    if (!cangxi || !province || !plan || !lizhou) throw new Error('the fixture world changed');
    cangxi.region.name = HOSTILE_TEXTS.img;
    plan.title = PDF_SYNTAX;
    plan.issuer = HOSTILE_TEXTS.link;
    plan.documentNumber = HOSTILE_TEXTS.template;
    const [indicator] = plan.indicators;
    const [service] = plan.services;
    const [project] = plan.projects;
    if (!indicator || !service || !project) throw new Error('the fixture plan changed');
    plan.indicators = HOSTILE.map((name, i) => ({
      ...indicator,
      id: `hostile-${i}`,
      name,
      canonicalKey: null,
      source: { ...indicator.source, item: i + 1 },
    }));
    plan.services = HOSTILE.map((name, i) => ({
      ...service,
      id: `hostile-service-${i}`,
      name,
      standard: HOSTILE[(i + 1) % HOSTILE.length],
      source: { ...service.source, item: i + 1 },
    }));
    plan.serviceFields = (plan.serviceFields ?? []).map((f) => ({ ...f, declaredCount: null }));
    plan.projects = HOSTILE.map((text, i) => ({
      ...project,
      id: `hostile-project-${i}`,
      text,
      quantities: [],
      source: { ...project.source, item: i + 1 },
    }));
    // A plan above, so the alignment sections name the hostile indicators too.
    province.plans = [{ ...lizhou, id: 'sichuan-2021', regionCode: '510000', title: '四川省规划' }];
  });
  db = createDb({ dataDir: 'memory://' });
  await migrateToLatest(db.kysely);
  await seedCatalog(db.kysely, packages);
  const editor = await addUser(db.kysely, 'text-editor', 'editor', CODE);
  const reviewer = await addUser(db.kysely, 'text-reviewer', 'admin', CODE);
  const asEditor = await callerFor(db.kysely, editor);
  const asReviewer = await callerFor(db.kysely, reviewer);
  // Progress notes are what people type that a report prints.
  const projects = await asEditor.projects.list({ planId: PLAN });
  for (const [i, p] of projects.entries()) {
    await asEditor.projects.updateStatus({
      planId: PLAN,
      projectId: p.id,
      status: 'in_progress',
      progress: 10 + i,
      note: HOSTILE[(i + 2) % HOSTILE.length] ?? null,
      expectedVersion: p.version,
    });
  }
  // Values far behind the path, so each indicator is charted under its (hostile) name too.
  for (const [i, indicatorId] of HOSTILE.map((_, i) => `hostile-${i}`).entries()) {
    const draft = await asEditor.observations.saveDraft({
      planId: PLAN,
      indicatorId,
      year: 2022,
      value: String(1.5 + i / 100),
      source: HOSTILE[i] ?? null,
      note: HOSTILE[(i + 3) % HOSTILE.length] ?? null,
      expectedVersion: null,
    });
    const sent = await asEditor.observations.submit({
      id: draft.id,
      expectedVersion: draft.version,
    });
    await asReviewer.observations.approve({ id: sent.id, expectedVersion: sent.version });
  }
  // Read back through the router as the CLI reads (openLocalSource would seed the real catalog
  // over the fixture world).
  data = await loadReportData(fromCaller(asReviewer), CODE, { year: YEAR });
}, 120_000);

afterAll(() => db?.close());

/** Every hostile string of the report's model, as it must be read back from the page. */
function hostileIn(report: Report): string[] {
  const out = [report.region.name, report.plan.title, report.plan.issuer];
  if (report.plan.documentNumber) out.push(report.plan.documentNumber);
  switch (report.kind) {
    case 'monitoring':
    case 'midterm':
      for (const r of report.fields.flatMap((f) => f.rows)) out.push(r.name);
      for (const r of report.projects.boxes.flatMap((b) => b.rows)) out.push(r.text, r.note);
      for (const c of report.charts) out.push(c.title);
      break;
    case 'standards':
      for (const i of report.fields.flatMap((f) => f.items)) out.push(i.name, i.standard);
      break;
    case 'alignment':
      for (const c of report.checks) out.push(c.message);
      for (const g of report.alignment?.groups ?? []) for (const r of g.rows) out.push(r.message);
      break;
  }
  return out.filter((t) => [...HOSTILE, PDF_SYNTAX].some((h) => t.includes(h)));
}

const KINDS: ReportKind[] = ['monitoring', 'midterm', 'standards', 'alignment'];

describe('hostile text in reports', () => {
  it('reaches the report data as stored', () => {
    expect(data.region.name).toBe(HOSTILE_TEXTS.img);
    expect(data.plan.title).toBe(PDF_SYNTAX);
    expect(data.plan.indicators.map((i) => i.name)).toEqual(HOSTILE);
    const notes = Object.values(data.projectProgress).map((p) => p.note);
    expect(new Set(notes)).toEqual(new Set(HOSTILE));
  });

  it.each(KINDS)(
    'is printed literally in the %s report, which has no action',
    async (kind) => {
      const report = buildReport({ kind, data, year: YEAR, now: '2026-11-23' });
      const expected = hostileIn(report);
      const pdf = await renderReport(report);
      const file = path.join(OUT, `text-${kind}.pdf`);
      writeFileSync(file, pdf.bytes);
      // Only the bidi override lacks a glyph; it is marked where it stood, never obeyed.
      expect(pdf.missing).toEqual(['\u202E']);
      const text = squash(pdfText(file));
      const absent = expected.filter((t) => !text.includes(squash(printed(t))));
      expect(absent).toEqual([]);
      // Each hostile text is on the page at least once in every report.
      const unseen = [...HOSTILE, PDF_SYNTAX].filter((h) => !text.includes(squash(printed(h))));
      const names = pdfNames(pdf.bytes);
      const actions = ACTION_NAMES.filter((n) => names.has(n));
      console.log(
        `[text pdf] ${kind}: ${expected.length} hostile strings printed literally, ${pdf.pages} pages, ${names.size} PDF names, action names: ${actions.length ? actions.join(' ') : 'none'}, hostile texts not in this report: ${unseen.length}`,
      );
      expect(actions).toEqual([]);
      expect(names.has('Catalog')).toBe(true);
      // Object streams would hide dictionaries from the scan above; pdfkit writes none.
      expect(names.has('ObjStm')).toBe(false);
      if (kind === 'monitoring') expect(unseen).toEqual([]);
      // The Info dictionary keeps the title whole, as a string: the reader shows it unchanged.
      const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
      expect(/^Title:\s+(.*)$/m.exec(info)?.[1]).toBe(report.title);
    },
    60_000,
  );

  it('finds an action where there is one (the scan is not blind)', async () => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => doc.on('end', r));
    doc.text('click', { link: HOSTILE_TEXTS.link });
    doc.end();
    await done;
    const names = pdfNames(Buffer.concat(chunks));
    expect(ACTION_NAMES.filter((n) => names.has(n))).toEqual(['URI']);
  });
});
