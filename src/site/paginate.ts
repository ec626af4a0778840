import type { Pager } from "./views.ts";

export interface ListPage<T> {
  /** Path relative to the list's folder: `""` for the front page, `page/N/` for archive pages. */
  path: string;
  /** Newest first. */
  items: T[];
  pager: { label?: string; newerPath?: string; olderPath?: string };
}

/**
 * News pagination. The front page shows the newest `size` items. Archive pages `page/N/` hold
 * full pages only, numbered from the oldest, so page 1 always holds the same oldest items and a
 * full archive page never changes when stories arrive; stories newer than the last full page are
 * on the front page. Items come in newest first.
 */
export function paginateNewsList<T>(newestFirst: T[], size: number): ListPage<T>[] {
  const fullPages = Math.floor(newestFirst.length / size);
  const front: ListPage<T> = {
    path: "",
    items: newestFirst.slice(0, size),
    pager: { olderPath: fullPages > 0 && newestFirst.length > size ? `page/${fullPages}/` : undefined },
  };
  // When everything fits on the front page, archive pages would only repeat it.
  if (newestFirst.length <= size) return [front];

  const oldestFirst = [...newestFirst].reverse();
  const archive: ListPage<T>[] = [];
  for (let number = 1; number <= fullPages; number += 1) {
    archive.push({
      path: `page/${number}/`,
      items: oldestFirst.slice((number - 1) * size, number * size).reverse(),
      pager: {
        // No page count: the label must not change when a newer page fills up.
        label: `Page ${number}`,
        newerPath: number === fullPages ? "" : `page/${number + 1}/`,
        olderPath: number === 1 ? undefined : `page/${number - 1}/`,
      },
    });
  }
  return [front, ...archive];
}

/** Turns relative pager paths into site URLs under `baseUrl` (the list's own URL, ending in `/`). */
export function pagerUrls(pager: ListPage<unknown>["pager"], baseUrl: string): Pager {
  return {
    label: pager.label,
    newer: pager.newerPath === undefined ? undefined : `${baseUrl}${pager.newerPath}`,
    older: pager.olderPath === undefined ? undefined : `${baseUrl}${pager.olderPath}`,
  };
}
