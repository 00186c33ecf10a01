import PDFDocument from 'pdfkit';
import { drawable, type ReportFonts } from './fonts.ts';

// A4 in points, with margins wide enough for binding and a running header and footer.
export const PAGE = { width: 595.28, height: 841.89, top: 68, bottom: 64, left: 56, right: 56 };
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export const COLORS = {
  text: '#1a1a1a',
  muted: '#666666',
  rule: '#999999',
  headerFill: '#e8ecf1',
  zebra: '#f7f8fa',
  flag: '#fdecea',
  accent: '#1f4e79',
};

export interface Column {
  header: string;
  /** Relative width: the columns share the content width in these proportions. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableRow {
  cells: string[];
  fill?: string;
  bold?: boolean;
  /** Per-cell text colours, where a cell should stand out (a status). */
  colors?: (string | undefined)[];
}

export interface TextOptions {
  size?: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Space after, in points. */
  gap?: number;
  indent?: number;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
  /** Characters the font has no glyph for (drawn as their compatibility form or 〓). */
  missing: string[];
}

/**
 * The report's page furniture over pdfkit: headings, paragraphs, tables that repeat their header
 * on each page, and a running header and page numbers added once the page count is known.
 */
export class ReportDocument {
  readonly doc: PDFKit.PDFDocument;
  readonly missing = new Set<string>();
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<void>;

  constructor(
    private readonly fonts: ReportFonts,
    private readonly meta: { title: string; runningHeader: string; subject: string },
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      bufferPages: true,
      autoFirstPage: true,
      margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
      info: {
        Title: meta.title,
        Subject: meta.subject,
        Author: 'Minsheng 民生',
        Creator: 'minsheng',
      },
      displayTitle: true,
      lang: 'zh-CN',
    });
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.doc.registerFont('regular', fonts.regular as unknown as Buffer);
    this.doc.registerFont('bold', fonts.bold as unknown as Buffer);
    this.doc.font('regular').fillColor(COLORS.text);
  }

  get y(): number {
    return this.doc.y;
  }

  get bottom(): number {
    return PAGE.height - PAGE.bottom;
  }

  /** The text as the font can draw it (see drawable). */
  safe(text: string, bold = false): string {
    return drawable(bold ? this.fonts.bold : this.fonts.regular, text, this.missing);
  }

  setFont(size: number, bold = false): void {
    this.doc.font(bold ? 'bold' : 'regular').fontSize(size);
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = PAGE.left;
    this.doc.y = PAGE.top;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  private readonly lineHeights = new Map<string, number>();

  heightOf(text: string, width: number, size: number, bold = false): number {
    this.setFont(size, bold);
    const safe = this.safe(text, bold);
    // Most cells are one line: measuring their width is far cheaper than wrapping them.
    if (!safe.includes('\n') && this.doc.widthOfString(safe) <= width) {
      const key = `${size}/${bold}`;
      let h = this.lineHeights.get(key);
      if (h === undefined) {
        h = this.doc.heightOfString('国', { width: 1000, lineGap: 1 });
        this.lineHeights.set(key, h);
      }
      return h;
    }
    return this.doc.heightOfString(safe, { width, lineGap: 1 });
  }

  text(text: string, options: TextOptions = {}): void {
    const size = options.size ?? 10.5;
    const bold = options.bold ?? false;
    const indent = options.indent ?? 0;
    this.setFont(size, bold);
    this.doc.fillColor(options.color ?? COLORS.text);
    this.doc.text(this.safe(text, bold), PAGE.left + indent, this.doc.y, {
      width: CONTENT_WIDTH - indent,
      align: options.align ?? 'left',
      lineGap: 2,
    });
    this.doc.fillColor(COLORS.text);
    this.doc.x = PAGE.left;
    if (options.gap) this.doc.y += options.gap;
  }

  /**
   * `keepWith`: the height of what must follow the heading on the same page (a table's header
   * and first row, see tableStart); else a few lines' worth.
   */
  heading(text: string, level: 1 | 2 | 3, keepWith = 60): void {
    const size = level === 1 ? 15 : level === 2 ? 12.5 : 11;
    this.ensureSpace(size * 2 + 12 + keepWith);
    this.doc.y += level === 1 ? 8 : 4;
    this.text(text, { size, bold: true, color: level === 1 ? COLORS.accent : COLORS.text });
    this.doc.y += level === 1 ? 6 : 3;
  }

  private measure(columns: Column[], size: number) {
    const pad = 3;
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * CONTENT_WIDTH);
    const rowHeight = (cells: string[], bold: boolean) =>
      Math.max(
        ...cells.map((cell, i) => this.heightOf(cell, (widths[i] ?? 0) - 2 * pad, size, bold)),
      ) +
      2 * pad;
    return { pad, widths, rowHeight, maxRow: this.bottom - PAGE.top - 40 };
  }

  /** The height a table needs on its first page: its header and first row. */
  tableStart(columns: Column[], rows: TableRow[], options: { size?: number } = {}): number {
    const { rowHeight, maxRow } = this.measure(columns, options.size ?? 8);
    const first = rows[0];
    const header = rowHeight(
      columns.map((c) => c.header),
      true,
    );
    return header + (first ? Math.min(rowHeight(first.cells, first.bold ?? false), maxRow) : 0);
  }

  table(columns: Column[], rows: TableRow[], options: { size?: number } = {}): void {
    const size = options.size ?? 8;
    const { pad, widths, rowHeight, maxRow } = this.measure(columns, size);
    const xs = widths.map((_, i) => PAGE.left + widths.slice(0, i).reduce((a, b) => a + b, 0));

    const drawRow = (row: TableRow, height: number, header: boolean) => {
      const y = this.doc.y;
      const fill = header ? COLORS.headerFill : row.fill;
      if (fill) this.doc.rect(PAGE.left, y, CONTENT_WIDTH, height).fill(fill);
      this.doc.lineWidth(0.4).strokeColor(COLORS.rule);
      row.cells.forEach((cell, i) => {
        const x = xs[i] ?? PAGE.left;
        const w = widths[i] ?? 0;
        this.doc.rect(x, y, w, height).stroke();
        const bold = header || (row.bold ?? false);
        this.setFont(size, bold);
        this.doc.fillColor(row.colors?.[i] ?? COLORS.text);
        this.doc.text(this.safe(cell, bold), x + pad, y + pad, {
          width: w - 2 * pad,
          height: height - 2 * pad + 1,
          align: header ? 'center' : (columns[i]?.align ?? 'left'),
          lineGap: 1,
          ellipsis: height >= maxRow,
        });
      });
      this.doc.fillColor(COLORS.text);
      this.doc.x = PAGE.left;
      this.doc.y = y + height;
    };

    const header: TableRow = { cells: columns.map((c) => c.header), bold: true };
    const headerHeight = rowHeight(header.cells, true);
    const drawHeader = () => drawRow(header, headerHeight, true);

    const first = rows[0];
    this.ensureSpace(headerHeight + (first ? Math.min(rowHeight(first.cells, false), maxRow) : 0));
    drawHeader();
    for (const row of rows) {
      const height = Math.min(rowHeight(row.cells, row.bold ?? false), maxRow);
      if (this.doc.y + height > this.bottom) {
        this.newPage();
        drawHeader();
      }
      drawRow(row, height, false);
    }
    this.doc.y += 8;
  }

  /** Adds the running header and 第 n 页 / 共 N 页 to every page after the cover, then closes. */
  async finish(): Promise<RenderedPdf> {
    const range = this.doc.bufferedPageRange();
    const count = range.count;
    for (let i = range.start; i < range.start + count; i++) {
      this.doc.switchToPage(i);
      if (i === range.start) continue;
      // Drawing in the margins must not trigger pdfkit's automatic page break.
      const margins = this.doc.page.margins;
      const saved = { ...margins };
      margins.top = 0;
      margins.bottom = 0;
      this.setFont(8);
      this.doc.fillColor(COLORS.muted);
      this.doc.text(this.safe(this.meta.runningHeader), PAGE.left, PAGE.top - 30, {
        width: CONTENT_WIDTH,
        align: 'center',
        lineBreak: false,
      });
      this.doc
        .moveTo(PAGE.left, PAGE.top - 16)
        .lineTo(PAGE.width - PAGE.right, PAGE.top - 16)
        .lineWidth(0.5)
        .strokeColor(COLORS.rule)
        .stroke();
      this.doc.text(this.safe(`第 ${i + 1} 页  共 ${count} 页`), PAGE.left, PAGE.height - 40, {
        width: CONTENT_WIDTH,
        align: 'center',
        lineBreak: false,
      });
      this.doc.fillColor(COLORS.text);
      margins.top = saved.top;
      margins.bottom = saved.bottom;
    }
    this.doc.end();
    await this.ended;
    return {
      bytes: new Uint8Array(Buffer.concat(this.chunks)),
      pages: count,
      missing: [...this.missing],
    };
  }
}
