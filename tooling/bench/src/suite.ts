/** A named benchmark: `pnpm bench` runs every suite (or those named on the command line). */
export interface BenchSuite {
  name: string;
  description: string;
  /** Runs the suite and returns its figures, printed and merged into bench/results.json. */
  run(): Promise<Record<string, number | string>>;
}

/** Peak resident memory of this process so far, in MiB (the kernel's high-water mark). */
export function peakRssMiB(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

export function heapUsedMiB(): number {
  return Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 10) / 10;
}
