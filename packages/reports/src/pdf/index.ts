import type { ReportData } from '../types.ts';
import {
  buildAlignmentReport,
  buildMidtermReport,
  buildMonitoringReport,
  buildStandardsReport,
} from './build.ts';
import type { RenderedPdf } from './layout.ts';
import type { Report, ReportKind } from './model.ts';
import { renderReport } from './render.ts';

export type { RenderedPdf } from './layout.ts';
export type { Report, ReportKind } from './model.ts';
export { REPORT_KIND_LABELS, YEAR_KINDS } from './model.ts';

/** One report to make: plain data, so it can be posted to a worker thread. */
export interface ReportJob {
  kind: ReportKind;
  data: ReportData;
  /** The year evaluated (monitoring, midterm); ignored by the others. */
  year: number | null;
  /** ISO date of generation, fixed by the caller so a batch carries one date. */
  now: string;
}

export function buildReport(job: ReportJob): Report {
  const now = new Date(job.now);
  switch (job.kind) {
    case 'monitoring':
    case 'midterm': {
      if (job.year === null) throw new RangeError(`a ${job.kind} report needs a year`);
      return job.kind === 'monitoring'
        ? buildMonitoringReport(job.data, job.year, now)
        : buildMidtermReport(job.data, job.year, now);
    }
    case 'standards':
      return buildStandardsReport(job.data, now);
    case 'alignment':
      return buildAlignmentReport(job.data, now);
  }
}

export function makeReport(job: ReportJob): Promise<RenderedPdf> {
  return renderReport(buildReport(job));
}
