import type {
  Alignment,
  ObservedPoint,
  Plan,
  PlanEvaluation,
  PlanFinding,
  ProjectStatus,
  Region,
} from '@minsheng/domain';

export interface ProjectProgress {
  status: ProjectStatus;
  /** 0–100 as last reported. */
  progress: number;
  note: string | null;
}

/** A plan with the region it belongs to. */
export interface RegionPlan {
  region: Region;
  plan: Plan;
}

/**
 * Everything one report needs, loaded once. Plain data only (no Maps, no classes): it crosses
 * into worker threads by structured clone.
 */
export interface ReportData {
  region: Region;
  /** From the top region down to the region's parent. */
  ancestors: Region[];
  plan: Plan;
  /** Approved observations only: nothing else counts in a report. */
  observations: ObservedPoint[];
  /** Progress reported per project id; a project missing here has none reported. */
  projectProgress: Record<string, ProjectProgress>;
  /** The plan above the region's (the domain's planAbove); null at the top or where none exists. */
  upper: RegionPlan | null;
  /**
   * The verdicts and counts of each year the report may show, as the router answers them
   * (evaluation.plan): a report computes none of its own.
   */
  evaluations: Record<number, PlanEvaluation>;
  /** The plan set against `upper` (evaluation.alignment); null where `upper` is. */
  alignment: Alignment | null;
  /** The plan's own checks (evaluation.checks). */
  checks: PlanFinding[];
}
