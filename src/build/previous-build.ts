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
 * for what the documents added or edited since change, and the stories that came due since,
 * and no edit moves a story (see `listingChange`). Otherwise why not, for the report.
 *
 * Time changes nothing else: a story that leaves the news sitemap's window changes only the
 * news sitemap, which every plan plans whole, and so does one that comes due under --future,
 * which was published already.
 */
export function previousBuild(state: BuildState | undefined, stamp: BuildStamp | undefined, settingsDigest: string, now: string, load: CachedLoad, future = false): PreviousBuild | { reason: string } {
  if (state === undefined) return { reason: "there is no previous build to add to, or its settings, layouts or code differ" };
  // The stamp is removed before a build and written after it succeeds: one that matches vouches for the state.
  if (stamp === undefined || stamp.settingsDigest !== settingsDigest) return { reason: "the previous build did not finish, or had other flags" };
  if (Date.parse(now) < Date.parse(stamp.now)) return { reason: "this build's now is before the previous build's" };
  if (load.errors.length > 0) return { reason: "some documents are invalid" };
  const changes = changedDocuments(state.content, load);
  if (changes === undefined) return { reason: "documents were removed or renamed" };
  for (const file of changes.edited) {
    const field = listingChange(state.content.get(file)!.summary!, load.cache.get(file)!.summary!);
    if (field !== undefined) return { reason: `the edit to ${file} changes its ${field}` };
  }
  if (!future && !noneDueAt(stamp, now)) {
    // A story that came due is new on the site, whether or not its document changed.
    for (const file of cameDue(load.summaries, stamp.now, now)) {
      changes.edited.delete(file);
      changes.added.add(file);
    }
  }
  return { added: changes.added, edited: changes.edited, terms: state.terms };
}

/** The documents of the stories published after `since` and at `now` or before. */
function cameDue(summaries: readonly ArticleSummary[], since: string, now: string): string[] {
  const [after, upTo] = [Date.parse(since), Date.parse(now)];
  return summaries.filter((summary) => {
    const published = summary.publishedAt;
    return published > after && published <= upTo;
  }).map((summary) => summary.sourcePath);
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
 * plan plans whole, so that one it no longer has is deleted (`removed`). A search index's periods can change
 * with new stories (a year outgrows one index and splits into months), and the news sitemap
 * needs fewer files as stories leave its window.
 */
export function keptOutputs(previous: OutputTable, planned: ReadonlyMap<string, string>): { table: OutputTable; removed: string[] } {
  return previous.with(planned, (path) => isSearchIndexFolder(path) || isSitemapFile(path));
}
