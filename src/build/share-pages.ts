import type { PlannedPage } from "../site/plan-pages.ts";

/**
 * Splits the pages to render between threads so that each has about the same work. An article
 * page goes to the thread that holds its article (`holder`), so full articles never cross
 * threads; list, feed and other pages fill up whichever thread has least to do.
 */
export function sharePages(pages: PlannedPage[], threads: number, holder: (sourcePath: string) => number | undefined): PlannedPage[][] {
  const shares: PlannedPage[][] = Array.from({ length: threads }, () => []);
  const load = new Array<number>(threads).fill(0);
  const others: PlannedPage[] = [];
  let spread = 0;
  for (const page of pages) {
    if (!("article" in page)) {
      others.push(page);
      continue;
    }
    // An article nobody holds (an unchanged document read again) goes round the threads.
    const thread = holder(page.article.sourcePath) ?? spread++ % threads;
    shares[thread]!.push(page);
    load[thread]! += ARTICLE_COST;
  }
  for (const page of others) {
    let least = 0;
    for (let t = 1; t < threads; t++) if (load[t]! < load[least]!) least = t;
    shares[least]!.push(page);
    load[least]! += costOf(page);
  }
  return shares;
}

// Relative rendering costs measured on the default layouts: a list card costs about a tenth of
// an article page, a feed entry (in one of three formats) a twentieth.
const ARTICLE_COST = 1;
const LIST_COST = 1 + 0.12 * 20;
const FEED_COST = 1 + 0.05 * 50;

function costOf(page: PlannedPage): number {
  if ("article" in page) return ARTICLE_COST;
  // Lists and feeds are composed when rendered: cost them at the default page and feed sizes.
  if ("compose" in page) return page.layout === "list.njk" ? LIST_COST : FEED_COST;
  const view = page.view as { entries?: unknown[] };
  return 1 + 0.005 * (view.entries?.length ?? 0);
}
