import { PlanSchema } from '@minsheng/domain';
import { describe, expect, it } from 'vitest';
import { corpusFiles, scoreFile } from './score.ts';

/**
 * Every file of the corpus — plans in the layouts and formats officials have, none of them a
 * seed — read cell for cell as its expected reading (expected/<file>.json) says.
 */
const files = corpusFiles();

describe('the import corpus', () => {
  it('has at least 15 files in every format', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    const extensions = new Set(files.map((f) => f.split('.').pop()));
    expect([...extensions].sort()).toEqual(['docx', 'html', 'pdf', 'txt', 'xlsx']);
  });

  it.each(files)('reads %s cell for cell', async (file) => {
    const score = await scoreFile(file);
    expect(score.error).toBeNull();
    expect(score.misses).toEqual([]);
    expect(score.exact).toBe(score.total);
    // The draft is one the domain accepts, as the CLI writes it into a region package.
    expect(() => PlanSchema.parse(score.result?.plan)).not.toThrow();
    expect(score.result?.format).toBe(
      file.endsWith('.txt') ? 'txt' : (file.split('.').pop() as string),
    );
  });
});
