/** One line of a plan's text, numbered from 1 as an editor shows it. */
export interface Line {
  no: number;
  /** The line as it stands, less the line break. */
  raw: string;
  /** Trimmed of spaces, tabs and full-width spaces. */
  text: string;
  /** The line began with a tab: a table cell in text copied from a Word table. */
  tabbed: boolean;
  /**
   * A table row as its format gives it: the cells of an HTML, Word or spreadsheet row (col is
   * the column in the expanded grid), a PDF line's text runs (x and w their place on the page),
   * or a tab-separated line. Absent for a line of running text or a one-cell line.
   */
  cells?: RowCell[];
  /** The PDF page the line stands on, and its baseline's height on the page (points, upwards). */
  page?: number;
  y?: number;
  /** Where the line is in its file when that is not a text line: "sheet 指标 row 5". */
  at?: string;
}

export interface RowCell {
  text: string;
  /** The column in the row's grid (HTML, Word, spreadsheet, tab-separated text). */
  col?: number;
  /** The run's left edge and width on a PDF page, in points. */
  x?: number;
  w?: number;
}

export function splitLines(source: string): Line[] {
  return source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((raw, i) => {
      const line: Line = { no: i + 1, raw, text: raw.trim(), tabbed: raw.startsWith('\t') };
      // A tab between cells (not only before one, as the seeds' Word copies have it) makes a
      // tab-separated row, even where only one of its cells is filled (a wrapped name).
      const parts = raw.split('\t');
      if (parts.length >= 2 && parts.some((p) => p.trim()) && !/^\t[^\t]*$/.test(raw)) {
        line.cells = parts.map((p, col) => ({ text: p.trim(), col }));
      }
      return line;
    });
}

/** Chapter, section, table and box headings end whatever block came before them. */
export function isHeading(text: string): boolean {
  return (
    /^第[一二三四五六七八九十百]+[章节]/.test(text) ||
    /^表\s*\d+/.test(text) ||
    /^专栏\s*\d+/.test(text) ||
    /^[一二三四五六七八九十]+、/.test(text)
  );
}

/** A paragraph of running text, as opposed to a table cell or a heading. */
export function isProse(text: string): boolean {
  return text.length > 60 || (text.length > 30 && /[。；]/.test(text));
}

/** Rejoins words the PDF extraction split with spaces between CJK characters. */
export function squeezeCjkSpaces(text: string): string {
  return text
    .replace(
      /([\p{Script=Han}（）()“”、，。：；])\s+(?=[\p{Script=Han}（）()“”、，。：；\d])/gu,
      '$1',
    )
    .replace(/(\d)\s+(?=[\p{Script=Han}（）()])/gu, '$1')
    .trim();
}

/** A field heading's numbering: 一、 or （一）. */
export const NUMBERED_HEADING = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])\s*/;
