import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The part of a fontkit font this module uses; pdfkit takes the object as a font source. */
export interface FontkitFont {
  readonly familyName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): unknown;
}

interface Fontkit {
  create(buffer: Uint8Array): FontkitFont;
}

const require = createRequire(import.meta.url);

/** Noto Sans Hans from npm (@embedpdf/fonts-sc): no system font is ever read. */
export function fontDirectory(): string {
  // The package exports only its index, so its folder is found from there.
  return path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
}

export interface ReportFonts {
  regular: FontkitFont;
  bold: FontkitFont;
}

let cached: ReportFonts | null = null;

/**
 * Parses the two weights once per process. fontkit is pdfkit's own dependency, reached through
 * pdfkit so both use the same copy; a parsed font is shared by every document, which takes a
 * report from ~300 ms to well under 100 ms (each document still subsets it on its own).
 */
export function loadFonts(): ReportFonts {
  if (cached) return cached;
  const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;
  const dir = fontDirectory();
  cached = {
    regular: fontkit.create(readFileSync(path.join(dir, 'NotoSansHans-Regular.otf'))),
    bold: fontkit.create(readFileSync(path.join(dir, 'NotoSansHans-Bold.otf'))),
  };
  return cached;
}

/** Drawn where a character has no glyph: 〓, the typesetter's mark for a missing character. */
export const MISSING_MARK = '〓';

/**
 * Makes text drawable with the font: a character without a glyph is replaced by its
 * compatibility form (NFKC: a full-width or circled variant) when that has one, else by
 * MISSING_MARK, and recorded in `missing` so the caller can report it. Nothing is ever drawn
 * as an empty box.
 */
export function drawable(font: FontkitFont, text: string, missing: Set<string>): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    // Line breaks and tabs are layout, not glyphs.
    if (cp === 0x0a || cp === 0x09 || font.hasGlyphForCodePoint(cp)) {
      out += ch;
      continue;
    }
    missing.add(ch);
    const compat = ch.normalize('NFKC');
    const ok =
      compat !== ch &&
      [...compat].every((c) => font.hasGlyphForCodePoint(c.codePointAt(0) as number));
    out += ok ? compat : MISSING_MARK;
  }
  return out;
}
