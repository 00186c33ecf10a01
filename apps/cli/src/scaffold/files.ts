import type { PlanInput, Region } from '@minsheng/domain';

/** A package name is what follows @minsheng/region-: lower-case letters, digits and "-". */
export const PACKAGE_NAME = /^[a-z][a-z0-9-]{1,40}$/;

export interface PackageSpec {
  name: string;
  region: Region;
  plan?: PlanInput;
  /** Where the plan was drafted from, and what the importer could not place. */
  importReport?: string;
}

const ts = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * The files of a region package: the same layout as the shipped ones, so it typechecks, passes
 * its own tests and seeds as soon as it is in the catalog.
 */
export function regionPackageFiles(spec: PackageSpec): Record<string, string> {
  const { name, region, plan } = spec;
  const files: Record<string, string> = {
    'package.json': `${ts({
      name: `@minsheng/region-${name}`,
      private: true,
      version: '0.0.0',
      type: 'module',
      exports: { '.': './src/index.ts', './source/*': './source/*' },
      scripts: { typecheck: 'tsc --noEmit', test: 'vitest run' },
      dependencies: { '@minsheng/domain': 'workspace:*' },
      devDependencies: { '@types/node': 'catalog:', typescript: 'catalog:', vitest: 'catalog:' },
    })}\n`,
    'tsconfig.json': `{ "extends": "../../../tooling/typescript/node.json", "include": ["src"] }\n`,
    'vitest.config.ts': `import { defineProject } from 'vitest/config';\n\nexport default defineProject({ test: { name: 'region-${name}', include: ['src/**/*.test.ts'] } });\n`,
    'src/region.ts': `export const region = ${ts(region)} as const;\n`,
    'src/index.ts': [
      "import { defineRegionPackage } from '@minsheng/domain';",
      plan ? "import { plan } from './plan.ts';" : '',
      "import { region } from './region.ts';",
      '',
      `export default defineRegionPackage({ region, plans: [${plan ? 'plan' : ''}] });`,
      '',
    ]
      .filter((l, i) => l !== '' || i > 2)
      .join('\n'),
    [`src/${name}.test.ts`]: testFile(spec),
    'README.md': readme(spec),
  };
  if (plan) {
    files['src/plan.ts'] = [
      "import type { PlanInput } from '@minsheng/domain';",
      '',
      `// Drafted by \`minsheng import plan\` from ${plan.source.file}. Check it against the document:`,
      '// IMPORT-REPORT.md lists every line the importer could not place or had to guess.',
      `export const plan = ${ts(plan)} satisfies PlanInput;`,
      '',
    ].join('\n');
  }
  if (spec.importReport) files['IMPORT-REPORT.md'] = spec.importReport;
  return files;
}

function testFile({ region, plan }: PackageSpec): string {
  const counts = plan
    ? `
  it('holds the plan as drafted: update these counts as you finish it by hand', () => {
    const [plan] = pkg.plans;
    expect(plan?.indicators).toHaveLength(${plan.indicators.length});
    expect(plan?.services).toHaveLength(${plan.services.length});
    expect(plan?.projects).toHaveLength(${plan.projects.length});
  });
`
    : '';
  return `import { RegionPackageSchema } from '@minsheng/domain';
import { describe, expect, it } from 'vitest';
import pkg from './index.ts';

describe('${region.name} (${region.code})', () => {
  it('fits the domain schemas', () => {
    expect(RegionPackageSchema.parse(pkg)).toEqual(pkg);
    expect(pkg.region.code).toBe('${region.code}');
  });
${counts}});
`.replace(/\n\n\}\);\n$/, '\n});\n');
}

function readme({ name, region, plan }: PackageSpec): string {
  return `# @minsheng/region-${name}: ${region.name} (${region.code})

${plan ? `Holds 《${plan.title}》, drafted by \`minsheng import plan\` from [\`source/${plan.source.file}\`](source/${plan.source.file}), the published text it was entered from, kept byte for byte (check the cells against its lines in the tests).` : `No plan yet: draft one with \`pnpm minsheng import plan <file> --region ${region.code} --name ${name}\`.`}

Finish it by hand against the document, keeping every cell exactly as written; record
contradictions, restorations and truncations as notes (see the other region packages), then run
\`pnpm minsheng region check ${region.code}\` and this package's tests.
`;
}
