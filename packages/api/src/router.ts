import { auditRouter } from './routers/audit.ts';
import { authRouter } from './routers/auth.ts';
import { evaluationRouter } from './routers/evaluation.ts';
import { importerRouter } from './routers/importer.ts';
import { indicatorsRouter } from './routers/indicators.ts';
import { observationsRouter } from './routers/observations.ts';
import { plansRouter } from './routers/plans.ts';
import { projectsRouter } from './routers/projects.ts';
import { regionsRouter } from './routers/regions.ts';
import { standardsRouter } from './routers/standards.ts';
import { usersRouter } from './routers/users.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  regions: regionsRouter,
  plans: plansRouter,
  indicators: indicatorsRouter,
  observations: observationsRouter,
  standards: standardsRouter,
  projects: projectsRouter,
  audit: auditRouter,
  users: usersRouter,
  evaluation: evaluationRouter,
  importer: importerRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
