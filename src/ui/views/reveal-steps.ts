/**
 * How many of a long view's sections are drawn in each step of its first render. The settings view drew all
 * its ~30 setting fields in one task: ~440 ms at 4× CPU throttling (a classroom laptop), with the page deaf
 * to input meanwhile (docs/performance.md). Drawn a few sections per frame, the first ones show sooner and
 * no step blocks for long. Pure: the view decides when the next step runs.
 */
export interface RevealPlan {
  /** Sections drawn by the first render (the top of the view, on screen at once). */
  readonly first: number;
  /** Sections added by each later step. */
  readonly step: number;
}

/** How many sections to draw after `shown` (never more than `total`). */
export function nextReveal(shown: number, total: number, plan: RevealPlan): number {
  if (shown < plan.first) return Math.min(total, plan.first);
  return Math.min(total, shown + plan.step);
}
