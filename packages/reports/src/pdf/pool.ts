import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { makeReport, type ReportJob } from './index.ts';
import type { RenderedPdf } from './layout.ts';
import type { WorkerRequest, WorkerResponse } from './worker.ts';

export type JobResult = { ok: true; pdf: RenderedPdf } | { ok: false; error: string };

export interface PoolOptions {
  /** Worker threads; 1 renders in this thread. Default: the machine's parallelism. */
  concurrency?: number;
  /** Called as each job ends, in the order they end. */
  onResult?: (index: number, result: JobResult) => void;
}

const WORKER_URL = new URL('./worker-entry.mjs', import.meta.url);

/**
 * Renders many reports, one worker thread per core: rendering is CPU-bound (layout, font
 * subsetting, compression), so threads are what make a batch faster. A job that throws is a
 * failed result; the others carry on.
 */
export async function renderMany(
  jobs: readonly ReportJob[],
  options: PoolOptions = {},
): Promise<JobResult[]> {
  const concurrency = Math.max(
    1,
    Math.min(options.concurrency ?? availableParallelism(), jobs.length),
  );
  const results: JobResult[] = new Array(jobs.length);
  const done = (i: number, r: JobResult) => {
    results[i] = r;
    options.onResult?.(i, r);
  };
  if (concurrency === 1) {
    for (const [i, job] of jobs.entries()) {
      try {
        done(i, { ok: true, pdf: await makeReport(job) });
      } catch (error) {
        done(i, { ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return results;
  }
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      // A larger young generation: a report allocates a lot of short-lived layout objects, and
      // fewer scavenges save about a tenth of the time.
      const worker = new Worker(WORKER_URL, { resourceLimits: { maxYoungGenerationSizeMb: 96 } });
      let current = -1;
      const feed = () => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        const request: WorkerRequest = { id: current, job: jobs[current] as ReportJob };
        worker.postMessage(request);
      };
      worker.on('message', (reply: WorkerResponse) => {
        if (reply.ok) {
          const { bytes, pages, missing } = reply;
          done(reply.id, { ok: true, pdf: { bytes, pages, missing } });
        } else {
          done(reply.id, { ok: false, error: reply.error });
        }
        feed();
      });
      worker.on('error', (error) => {
        // A crashed worker fails its job; the pool goes on with the others.
        if (current >= 0 && !results[current]) done(current, { ok: false, error: error.message });
        reject(error);
      });
      feed();
    });
  const settled = await Promise.allSettled(Array.from({ length: concurrency }, runWorker));
  // Jobs a crashed worker never reached run here, in this thread.
  for (const [i, job] of jobs.entries()) {
    if (results[i]) continue;
    try {
      done(i, { ok: true, pdf: await makeReport(job) });
    } catch (error) {
      done(i, { ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
  void settled;
  return results;
}
