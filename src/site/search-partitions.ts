import type { DateArchive, IndexedArticle, SiteIndex } from "./site-index.ts";

/**
 * The folder of the primary search bundle: Pagefind's scripts, UI and WebAssembly, with the index
 * of the newest stories. layouts/search.njk loads `pagefind/pagefind-ui.js` from it.
 */
export const SEARCH_FOLDER = "pagefind";

/** The folder that holds the index of each earlier period, e.g. `pagefind-archive/2025/`, `pagefind-archive/2026-03/`. */
export const SEARCH_ARCHIVE_FOLDER = "pagefind-archive";

/**
 * The most stories an index holds, unless they were all published on one day. Pagefind takes
 * about 4 s for 5,000 records, 8 s for 9,000 and 51 s for 36,000 on two cores, and its memory
 * grows with the index: a build re-indexes at most one partition of this size for each period
 * whose stories changed.
 */
export const SEARCH_PARTITION_SIZE = 5_000;

/**
 * The stories of one search index. Pagefind builds an index whole, so the site's search is split
 * into indexes by period, merged in the reader's browser. Each index holds a calendar year, or a
 * month if its year has more than SEARCH_PARTITION_SIZE stories, or a day if its month has: the
 * largest period (in the site's time zone) that is small enough. Calendar periods are stable
 * boundaries: a new or edited story changes only its own period's index, and a period is split
 * (once) only when it outgrows the limit.
 */
export interface SearchPartition {
  /** Output folder: SEARCH_FOLDER for the newest period, SEARCH_ARCHIVE_FOLDER/YYYY[-MM[-DD]] for the others. */
  folder: string;
  /** Whether the folder carries Pagefind's scripts and UI too; merged indexes use the primary's. */
  primary: boolean;
  /** Newest first. */
  articles: IndexedArticle[];
}

/**
 * The published stories by period, newest first. The newest period is the primary index, the one
 * the search page loads; a site without stories still gets an empty primary, so the search page's
 * scripts exist.
 */
export function searchPartitions(index: SiteIndex, maxStories = SEARCH_PARTITION_SIZE): SearchPartition[] {
  const periods = index.years.flatMap((year) => smallEnough(year, maxStories));
  if (periods.length === 0) return [{ folder: SEARCH_FOLDER, primary: true, articles: [] }];
  return periods.map((period, i) => ({
    folder: i === 0 ? SEARCH_FOLDER : `${SEARCH_ARCHIVE_FOLDER}/${period.period.replaceAll("/", "-")}`,
    primary: i === 0,
    articles: period.articles,
  }));
}

/** The period itself if it holds at most `maxStories`, else its months or days that do, newest first. */
function smallEnough(period: DateArchive, maxStories: number): DateArchive[] {
  if (period.articles.length <= maxStories || period.children.length === 0) return [period];
  return period.children.flatMap((child) => smallEnough(child, maxStories));
}
