import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegionPackageSchema } from '@minsheng/domain';
import { describe, expect, it } from 'vitest';
import { CliError } from '../errors.ts';
import { regionPackageFiles } from './files.ts';
import { buildRegion, parentOfCode } from './region.ts';
import { addToCatalog, workspaceRoot } from './workspace.ts';

describe('region scaffolding', () => {
  it('derives level and parent from a GB/T 2260 code', () => {
    expect(buildRegion({ code: '510822', name: '青川县' })).toEqual({
      code: '510822',
      name: '青川县',
      level: 'county',
      parentCode: '510800',
    });
    expect(parentOfCode('510800')).toBe('510000');
    expect(parentOfCode('510000')).toBeNull();
    expect(() => buildRegion({ code: '5108', name: 'x' })).toThrow(CliError);
  });

  it('writes a package whose region fits the domain', () => {
    const region = buildRegion({ code: '510822', name: '青川县' });
    const files = regionPackageFiles({ name: 'qingchuan', region });
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.md',
        'package.json',
        'src/index.ts',
        'src/qingchuan.test.ts',
        'src/region.ts',
        'tsconfig.json',
        'vitest.config.ts',
      ].sort(),
    );
    expect(JSON.parse(files['package.json']!).name).toBe('@minsheng/region-qingchuan');
    const literal = /export const region = ([\s\S]*) as const;/.exec(files['src/region.ts']!)?.[1];
    expect(RegionPackageSchema.parse({ region: JSON.parse(literal!), plans: [] }).region).toEqual(
      region,
    );
  });

  it('adds the package to a copy of the catalog once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    cpSync(join(workspaceRoot(), 'packages/catalog'), join(dir, 'packages/catalog'), {
      recursive: true,
      filter: (src) => !src.includes('node_modules'),
    });
    expect(addToCatalog(dir, 'qingchuan')).toBe(true);
    expect(addToCatalog(dir, 'qingchuan')).toBe(false);
    const index = readFileSync(join(dir, 'packages/catalog/src/index.ts'), 'utf8');
    expect(index).toContain("import qingchuan from '@minsheng/region-qingchuan';");
    expect(index).toMatch(/ {2}qingchuan,\n\];/);
    const pkg = JSON.parse(readFileSync(join(dir, 'packages/catalog/package.json'), 'utf8'));
    expect(pkg.dependencies['@minsheng/region-qingchuan']).toBe('workspace:*');
  });
});
