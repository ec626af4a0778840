import type { Pager } from "./views.ts";

export interface ListPage<T> {
  /** Path relative to the list's folder: `""` for the front page, `page/N/` for archive pages. */
  path: string;
  /** Newest first. */
  items: T[];
  pager: { label?: string; newerPath?: string; olderPath?: string };
}

/**
 * A list as pagination needs it: how many stories it holds, and its newest stories. The full
 * planner passes every story; a planner that keeps only each list's newest stories between
 * builds (docs/incremental-planning.md) passes those, enough for the pages it plans.
 */
export interface NewsList<T> {
  count: number;
  /** Newest first: the whole list, or at least the stories of the pages wanted. */
  newest: readonly T[];
}

/** A list whose every story is at hand. */
export function wholeList<T>(newestFirst: readonly T[]): NewsList<T> {
  return { count: newestFirst.length, newest: newestFirst };
}

/**
 * News pagination. The front page shows the newest `size` items. Archive pages `page/N/` hold
 * full pages only, numbered from the oldest, so page 1 always holds the same oldest items and a
 * full archive page never changes when stories arrive; stories newer than the last full page are
 * on the front page. `wanted` picks pages by number (0 is the front page) for a build that plans
 * only the pages new stories change (delta-scope.ts). A wanted page whose stories are not all
 * among `list.newest` is a bug in the caller, and throws.
 */
export function paginateNewsList<T>(list: NewsList<T>, size: number, wanted: (page: number) => boolean = () => true): ListPage<T>[] {
  const archivePages = archivePageCount(list.count, size);
  const itemsUpTo = (end: number, number: number): T[] => {
    if (end > list.newest.length) throw new RangeError(`Page ${number} of a list of ${list.count} shows its ${end} newest stories, but only ${list.newest.length} are at hand.`);
    return list.newest.slice(Math.max(end - size, 0), end);
  };
  const pages: ListPage<T>[] = [];
  if (wanted(0)) pages.push({ path: "", items: itemsUpTo(Math.min(size, list.count), 0), pager: { olderPath: archivePages > 0 ? listPagePath(archivePages) : undefined } });
  for (let number = 1; number <= archivePages; number += 1) {
    if (!wanted(number)) continue;
    // Page N holds the Nth `size` items counted from the oldest.
    pages.push({
      path: listPagePath(number),
      items: itemsUpTo(list.count - (number - 1) * size, number),
      pager: {
        // No page count: the label must not change when a newer page fills up.
        label: `Page ${number}`,
        newerPath: number === archivePages ? "" : listPagePath(number + 1),
        olderPath: number === 1 ? undefined : listPagePath(number - 1),
      },
    });
  }
  return pages;
}

/** How many archive pages a list of `count` items has: none while everything fits on the front page, which they would only repeat. */
export function archivePageCount(count: number, size: number): number {
  return count > size ? Math.floor(count / size) : 0;
}

/** A list page's path relative to the list's folder: `""` for the front page (0), `page/N/` for archive page N. */
export function listPagePath(page: number): string {
  return page === 0 ? "" : `page/${page}/`;
}

/** Turns relative pager paths into site URLs under `baseUrl` (the list's own URL, ending in `/`). */
export function pagerUrls(pager: ListPage<unknown>["pager"], baseUrl: string): Pager {
  return {
    label: pager.label,
    newer: pager.newerPath === undefined ? undefined : `${baseUrl}${pager.newerPath}`,
    older: pager.olderPath === undefined ? undefined : `${baseUrl}${pager.olderPath}`,
  };
}
