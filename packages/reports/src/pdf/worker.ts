import { parentPort } from 'node:worker_threads';
import { makeReport, type ReportJob } from './index.ts';

export type WorkerRequest = { id: number; job: ReportJob };
export type WorkerResponse =
  | { id: number; ok: true; bytes: Uint8Array; pages: number; missing: string[] }
  | { id: number; ok: false; error: string };

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

port.on('message', async ({ id, job }: WorkerRequest) => {
  try {
    const pdf = await makeReport(job);
    const reply: WorkerResponse = { id, ok: true, ...pdf };
    port.postMessage(reply, [pdf.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    const reply: WorkerResponse = {
      id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
    port.postMessage(reply);
  }
});
