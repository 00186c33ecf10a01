/** One line of a plan's text, numbered from 1 as an editor shows it. */
export interface Line {
  no: number;
  /** The line as it stands, less the line break. */
  raw: string;
  /** Trimmed of spaces, tabs and full-width spaces. */
  text: string;
  /** The line began with a tab: a table cell in text copied from a Word table. */
  tabbed: boolean;
}

export function splitLines(source: string): Line[] {
  return source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((raw, i) => ({ no: i + 1, raw, text: raw.trim(), tabbed: raw.startsWith('\t') }));
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
