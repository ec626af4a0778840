import type { ArticleSummary } from "../content/article.ts";
import type { ContentIssue } from "../content/content-error.ts";
import { applyPublishRules, type ExclusionReason, type PublishRules } from "../site/publish-rules.ts";
import { buildSiteIndex, type SiteIndex } from "../site/site-index.ts";
import { NEWS_WINDOW_HOURS, planPages, type PlannedPage, type PlanSettings } from "../site/plan-pages.ts";

export interface SitePlan {
  index: SiteIndex;
  pages: PlannedPage[];
  excluded: Record<ExclusionReason, number>;
  /** Problems found across documents (the same story twice). */
  errors: ContentIssue[];
}

/** Valid stories → what is published → indexes → every page with its fingerprint. */
export function planSite(summaries: ArticleSummary[], rules: PublishRules, settings: PlanSettings): SitePlan {
  const decision = applyPublishRules(summaries, rules);
  const { index, errors } = buildSiteIndex(decision.published, settings.timeZone);
  return { index, pages: planPages(index, settings), excluded: decision.excluded, errors };
}

/** Drops the documents named in `errors`, for --skip-invalid, and plans again without them. */
export function withoutFiles(summaries: ArticleSummary[], errors: ContentIssue[]): ArticleSummary[] {
  const bad = new Set(errors.map((e) => e.file));
  return summaries.filter((s) => !bad.has(s.sourcePath));
}

/**
 * The first instant after `now` at which the passing of time alone changes the site: a scheduled
 * story becomes due, or a story enters or leaves the news sitemap's window.
 */
export function quietUntil(summaries: ArticleSummary[], now: string): string {
  const at = Date.parse(now);
  const window = NEWS_WINDOW_HOURS * 3_600_000;
  let next = Number.POSITIVE_INFINITY;
  for (const summary of summaries) {
    const published = Date.parse(summary.publishedDateTime);
    if (published > at && published < next) next = published;
    if (published + window > at && published + window < next) next = published + window;
  }
  return Number.isFinite(next) ? new Date(next).toISOString() : "9999-12-31T23:59:59.999Z";
}
