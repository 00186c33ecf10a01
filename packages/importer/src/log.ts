import type { Line } from './lines.ts';

export interface LogEntry {
  line: number;
  text: string;
  why: string;
}

/**
 * What the importer could not place, what it guessed, and what it restored: printed for the
 * developer who finishes the package by hand. Nothing is dropped silently.
 */
export class ImportLog {
  readonly unplacedLines: LogEntry[] = [];
  readonly warnings: LogEntry[] = [];
  readonly restorations: Array<LogEntry & { original: string; restored: string }> = [];

  unplaced(line: Line, why: string): void {
    this.unplacedLines.push({ line: line.no, text: line.text, why });
  }
  warn(line: Line, why: string): void {
    this.warnings.push({ line: line.no, text: line.text, why });
  }
  restored(line: Line, original: string, restored: string, why: string): void {
    this.restorations.push({ line: line.no, text: line.text, why, original, restored });
  }
}
