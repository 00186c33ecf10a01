import type { BenchSuite } from '../suite.ts';
import { attackSuite } from './attack.ts';
import { consoleSuite } from './console.ts';
import { evaluationSuite } from './evaluation.ts';
import { evaluationFormsSuite } from './evaluation-forms.ts';
import { reportsSuite } from './reports.ts';
import { scaleSuite } from './scale.ts';
import { soakSuite } from './soak.ts';

/** Every suite `pnpm bench` knows, in the order they run; add a new one here. */
export const suites: BenchSuite[] = [
  evaluationSuite,
  evaluationFormsSuite,
  scaleSuite,
  reportsSuite,
  consoleSuite,
  soakSuite,
  attackSuite,
];
