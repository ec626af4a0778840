import type { ArticleSummary } from "../content/article.ts";

export type ExclusionReason = "draft" | "removed" | "scheduled";

export interface PublishRules {
  drafts: boolean;
  future: boolean;
  /** ISO 8601; stories dated after it are scheduled, not published. */
  now: string;
}

export interface PublishDecision {
  published: ArticleSummary[];
  excluded: Record<ExclusionReason, number>;
}

/** Which valid stories go on the site. Removed stories never do; drafts and scheduled ones only when asked. */
export function applyPublishRules(summaries: ArticleSummary[], rules: PublishRules): PublishDecision {
  const excluded: Record<ExclusionReason, number> = { draft: 0, removed: 0, scheduled: 0 };
  const nowMs = Date.parse(rules.now);
  const published = summaries.filter((summary) => {
    const reason = exclusionReason(summary, rules, nowMs);
    if (reason) excluded[reason] += 1;
    return reason === undefined;
  });
  return { published, excluded };
}

function exclusionReason(summary: ArticleSummary, rules: PublishRules, nowMs: number): ExclusionReason | undefined {
  if (summary.removed) return "removed";
  if (summary.draft && !rules.drafts) return "draft";
  if (!rules.future && summary.publishedAt > nowMs) return "scheduled";
  return undefined;
}
