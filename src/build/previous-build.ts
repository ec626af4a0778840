import type { ArticleSummary } from "../content/article.ts";
import { changedDocuments, type CachedLoad } from "../content/content-cache.ts";
import type { BuildState } from "../output/build-state.ts";
import type { OutputTable } from "../output/output-table.ts";
import { noneDueAt, type BuildStamp } from "../output/build-stamp.ts";
import { isSearchIndexFolder } from "../site/search-partitions.ts";
import { isSitemapFile } from "../site/sitemaps.ts";
import type { PreviousBuild } from "./plan-site.ts";

/**
 * What the delta planner may start from: the previous build, if its pages are still right but
 * for what the documents added or edited since change, and no edit moves a story (see
 * `listingChange`). Otherwise why not, for the report.
 */
export function previousBuild(state: BuildState | undefined, stamp: BuildStamp | undefined, settingsDigest: string, now: string, load: CachedLoad): PreviousBuild | { reason: string } {
  if (state === undefined) return { reason: "there is no previous build to add to, or its settings, layouts or code differ" };
  // The stamp is removed before a build and written after it succeeds: one that matches vouches for the state.
  if (stamp === undefined || stamp.settingsDigest !== settingsDigest) return { reason: "the previous build did not finish, or had other flags" };
  // Stories that left the news sitemap since change only it, and a delta plan plans it whole.
  if (!noneDueAt(stamp, now)) return { reason: "stories have come due since the previous build" };
  if (load.errors.length > 0) return { reason: "some documents are invalid" };
  const changes = changedDocuments(state.content, load.cache);
  if (changes === undefined) return { reason: "documents were removed or renamed" };
  for (const file of changes.edited) {
    const field = listingChange(state.content.get(file)!.summary!, load.cache.get(file)!.summary!);
    if (field !== undefined) return { reason: `the edit to ${file} changes its ${field}` };
  }
  return { added: changes.added, edited: changes.edited, terms: state.terms };
}

/**
 * The first field an edit changed that decides where a story is published and listed: its
 * address, its lists and its place in them, the terms' names (the most common spelling wins),
 * which stories link to its page, whether it is published at all. An edit to anything else
 * (its excerpt, title, image, related items, update time) changes only the pages that show the
 * story, and the delta planner plans those.
 */
export function listingChange(before: ArticleSummary, after: ArticleSummary): string | undefined {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (before.identity !== after.identity) return "source URL";
  if (before.readUrl !== after.readUrl) return "link";
  if (before.publishedDateTime !== after.publishedDateTime) return "publication time";
  if (before.titleSlug !== after.titleSlug) return "address";
  if (before.draft !== after.draft || before.removed !== after.removed) return "publication";
  if (before.provider.name !== after.provider.name) return "provider";
  if (!same(before.topics, after.topics)) return "topics";
  if (before.category !== after.category) return "category";
  return undefined;
}

/**
 * The outputs after a delta plan, with their fingerprints: those of the pages it planned, and
 * of every other page the previous build had but the search indexes and sitemaps, which every
 * plan plans whole, so that one it no longer has is deleted. A search index's periods can change
 * with new stories (a year outgrows one index and splits into months), and the news sitemap
 * needs fewer files as stories leave its window.
 */
export function keptOutputs(previous: OutputTable, planned: ReadonlyMap<string, string>): OutputTable {
  return previous.with(planned, (path) => isSearchIndexFolder(path) || isSitemapFile(path));
}
