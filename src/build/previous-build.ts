import { addedDocuments, type CachedLoad } from "../content/content-cache.ts";
import type { BuildState } from "../output/build-state.ts";
import { quietAt, type BuildStamp } from "../output/build-stamp.ts";
import { isSearchIndexFolder } from "../site/search-partitions.ts";
import type { PreviousBuild } from "./plan-site.ts";

/**
 * What the delta planner may start from: the previous build, if its pages are still right but
 * for what the documents added since change. Otherwise why not, for the report.
 */
export function previousBuild(state: BuildState | undefined, stamp: BuildStamp | undefined, settingsDigest: string, now: string, load: CachedLoad): PreviousBuild | { reason: string } {
  if (state === undefined) return { reason: "there is no previous build to add to, or its settings, layouts or code differ" };
  // The stamp is removed before a build and written after it succeeds: one that matches vouches for the state.
  if (stamp === undefined || stamp.settingsDigest !== settingsDigest) return { reason: "the previous build did not finish, or had other flags" };
  if (!quietAt(stamp, now)) return { reason: "stories have come due or left the news sitemap since the previous build" };
  if (load.errors.length > 0) return { reason: "some documents are invalid" };
  const added = addedDocuments(state.content, load.cache);
  if (added === undefined) return { reason: "documents were edited, removed or renamed" };
  return { added, terms: state.terms };
}

/**
 * The outputs a delta plan keeps from the previous build, with their fingerprints: every page
 * but the search indexes, which are planned again from the whole index. Their periods can
 * change with new stories (a year outgrows one index and splits into months), and an index
 * folder the new plan no longer has must be deleted.
 */
export function keptOutputs(previous: ReadonlyMap<string, string>): Map<string, string> {
  const kept = new Map(previous);
  for (const path of kept.keys()) if (isSearchIndexFolder(path)) kept.delete(path);
  return kept;
}
