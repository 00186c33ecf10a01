import type { Line } from './lines.ts';

export interface LogEntry {
  line: number;
  text: string;
  why: string;
  /** The PDF page, where the input was a PDF. */
  page?: number;
  /** Where in a spreadsheet or Word file, when a line number alone would not find it. */
  at?: string;
}

function entry(line: Line, why: string): LogEntry {
  return {
    line: line.no,
    text: line.text,
    why,
    ...(line.page ? { page: line.page } : {}),
    ...(line.at ? { at: line.at } : {}),
  };
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
    this.unplacedLines.push(entry(line, why));
  }
  warn(line: Line, why: string): void {
    this.warnings.push(entry(line, why));
  }
  restored(line: Line, original: string, restored: string, why: string): void {
    this.restorations.push({ ...entry(line, why), original, restored });
  }
}
