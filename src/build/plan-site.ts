import type { ArticleSummary } from "../content/article.ts";
import type { ContentIssue } from "../content/content-error.ts";
import { applyPublishRules, type ExclusionReason, type PublishRules } from "../site/publish-rules.ts";
import { buildSiteIndex, type SiteIndex } from "../site/site-index.ts";
import { deltaScope, termTable, type TermTable } from "../site/delta-scope.ts";
import { NEWS_WINDOW_HOURS, planPages, type PlannedPage, type PlanSettings } from "../site/plan-pages.ts";

/** Which planner planned the pages: every page, or only those that stories added or edited since the previous build can change. */
export type Planner = { name: "full"; reason: string } | { name: "delta" };

/** What a build may plan from besides the documents: the previous build, when the only changes since are added and edited documents. */
export interface PreviousBuild {
  /** The documents added since, by path. */
  added: ReadonlySet<string>;
  /** The documents edited since, by path, none of them moved (previous-build.ts). */
  edited: ReadonlySet<string>;
  terms: TermTable;
}

export interface SitePlan {
  index: SiteIndex;
  /** Every page, or with the delta planner only the pages that may have changed. */
  pages: PlannedPage[];
  planner: Planner;
  /** The terms' names and paths, for the next build's delta planner. */
  terms: TermTable;
  excluded: Record<ExclusionReason, number>;
  /** Problems found across documents (the same story twice). */
  errors: ContentIssue[];
}

/**
 * Valid stories → what is published → indexes → the pages with their fingerprints. Given the
 * previous build, only the pages the added and edited stories can change, when that is all they change.
 */
export function planSite(summaries: ArticleSummary[], rules: PublishRules, settings: PlanSettings, previous: PreviousBuild | { reason: string } = { reason: "there is no previous build" }): SitePlan {
  const decision = applyPublishRules(summaries, rules);
  const { index, errors } = buildSiteIndex(decision.published, settings.timeZone);
  const terms = termTable(index);
  const delta = "reason" in previous ? previous : errors.length > 0 ? { reason: "some documents are invalid" } : deltaScope(index, previous, { previous: previous.terms, current: terms }, settings);
  const planner: Planner = "scope" in delta ? { name: "delta" } : { name: "full", reason: delta.reason };
  const pages = "scope" in delta ? planPages(index, settings, delta.scope) : planPages(index, settings);
  return { index, pages, planner, terms, excluded: decision.excluded, errors };
}

/** Drops the documents named in `errors`, for --skip-invalid, and plans again without them. */
export function withoutFiles(summaries: ArticleSummary[], errors: ContentIssue[]): ArticleSummary[] {
  const bad = new Set(errors.map((e) => e.file));
  return summaries.filter((s) => !bad.has(s.sourcePath));
}

/** When, after a build's `now`, the passing of time alone changes the site. */
export interface ClockLimits {
  /** The first instant at which anything changes: a story comes due or leaves the news sitemap's window. */
  quietUntil: string;
  /**
   * The first instant at which a story comes due: it is published, or (with --future) enters the
   * news sitemap. Before it, time changes only the news sitemap, which every plan plans whole.
   */
  nextDue: string;
}

export function clockLimits(summaries: ArticleSummary[], now: string): ClockLimits {
  const at = Date.parse(now);
  const window = NEWS_WINDOW_HOURS * 3_600_000;
  let due = Number.POSITIVE_INFINITY;
  let leaves = Number.POSITIVE_INFINITY;
  for (const summary of summaries) {
    const published = summary.publishedAt;
    if (published > at && published < due) due = published;
    if (published + window > at && published + window < leaves) leaves = published + window;
  }
  return { quietUntil: instant(Math.min(due, leaves)), nextDue: instant(due) };
}

function instant(millis: number): string {
  return Number.isFinite(millis) ? new Date(millis).toISOString() : "9999-12-31T23:59:59.999Z";
}
