import type { ObservedPoint, Plan, ProjectStatus, Region } from '@minsheng/domain';

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
  /** The nearest plan above the region's, for alignment; null at the top or where none exists. */
  upper: RegionPlan | null;
}
