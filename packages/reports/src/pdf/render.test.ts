import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { regionPackages } from '@minsheng/catalog';
import { describe, expect, it } from 'vitest';
import { catalogReportData } from '../catalog.ts';
import { buildReport, type ReportKind } from './index.ts';
import type { Report } from './model.ts';
import { renderReport } from './render.ts';

// Reads the PDFs back with poppler (pdftotext, pdftoppm: Debian's poppler-utils). `-raw` keeps
// the content stream's order, which draws each table cell whole, so a cell's text stays together.

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-output');
mkdirSync(OUT, { recursive: true });

const squash = (s: string) => s.replace(/\s+/g, '');

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** Every string the report model holds that a reader must find in the PDF. */
function expectedTexts(report: Report): string[] {
  const out = [report.title, report.plan.title, report.region.name];
  switch (report.kind) {
    case 'monitoring':
    case 'midterm':
      for (const f of report.fields) {
        out.push(f.label);
        for (const r of f.rows) out.push(r.name, r.target, r.observed, r.statusLabel, r.reason);
      }
      for (const b of report.projects.boxes) {
        out.push(b.box);
        for (const r of b.rows) out.push(r.name, r.statusLabel, r.progress);
      }
      for (const c of report.charts) out.push(c.title);
      if (report.kind === 'midterm' && report.alignment) {
        for (const g of report.alignment.groups) for (const r of g.rows) out.push(r.message);
      }
      break;
    case 'standards':
      for (const f of report.fields) {
        out.push(f.label);
        for (const i of f.items) out.push(i.name, i.standard, i.targetGroup);
      }
      break;
    case 'alignment':
      for (const c of report.checks) out.push(c.message, c.where);
      for (const g of report.alignment?.groups ?? []) for (const r of g.rows) out.push(r.message);
      break;
  }
  return out.filter((s) => s !== '' && s !== '—');
}

const KINDS: ReportKind[] = ['monitoring', 'midterm', 'standards', 'alignment'];
const cases = regionPackages
  .filter((p) => p.plans.length > 0)
  .flatMap((p) => KINDS.map((kind) => [kind, p.region.code, p.region.name] as const));

describe.each(cases)('%s report of %s %s', (kind, code) => {
  it('reads back with every name, value and status, and no missing glyph', async () => {
    const data = catalogReportData(code, null);
    const plan = data.plan;
    const year = Math.min(plan.period.end, plan.period.start + 2);
    const report = buildReport({ kind, data, year, now: '2026-11-23' });
    const pdf = await renderReport(report);
    expect(pdf.missing).toEqual([]);
    const file = path.join(OUT, `${kind}-${code}.pdf`);
    writeFileSync(file, pdf.bytes);
    const text = pdfText(file);
    expect(text).not.toMatch(/[□〓\uFFFD]/);
    const flat = squash(text);
    const absent = expectedTexts(report).filter((s) => !flat.includes(squash(s)));
    expect(absent).toEqual([]);
    expect(pdf.pages).toBeGreaterThan(1);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    // Embedded (emb) and subset (sub): "yes yes" on each font's line, and only Noto Sans.
    const lines = fonts
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    for (const l of lines) expect(l).toMatch(/^[A-Z]{6}\+NotoSansHans-\S+.*\byes\s+yes\b/);
  }, 60_000);
});

describe('page images', () => {
  it('renders the 苍溪县 reports to PNG for a person to look at', async () => {
    for (const kind of KINDS) {
      const data = catalogReportData('510824', 2023);
      const pdf = await renderReport(buildReport({ kind, data, year: 2023, now: '2026-11-23' }));
      const file = path.join(OUT, `${kind}-510824-2023.pdf`);
      writeFileSync(file, pdf.bytes);
      const prefix = path.join(OUT, `${kind}-510824-2023`);
      for (const f of readdirSync(OUT)) {
        if (f.startsWith(`${kind}-510824-2023-`) && f.endsWith('.png')) rmSync(path.join(OUT, f));
      }
      execFileSync('pdftoppm', ['-png', '-r', '60', file, prefix]);
      const pngs = readdirSync(OUT).filter(
        (f) => f.startsWith(`${kind}-510824-2023-`) && f.endsWith('.png'),
      );
      expect(pngs.length).toBe(pdf.pages);
      for (const f of pngs) expect(statSync(path.join(OUT, f)).size).toBeGreaterThan(2000);
    }
  }, 120_000);
});

describe('size', () => {
  it('keeps a county monitoring report under 600 KB', async () => {
    const data = catalogReportData('510824', 2023);
    const pdf = await renderReport(
      buildReport({ kind: 'monitoring', data, year: 2023, now: '2026-11-23' }),
    );
    expect(pdf.bytes.length).toBeLessThan(600 * 1024);
  }, 60_000);
});
