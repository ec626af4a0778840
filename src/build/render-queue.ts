import type { PlannedPage } from "../site/plan-pages.ts";
import type { Batches } from "./share-work.ts";

/**
 * The pages of a build, handed out to rendering threads in batches. An article page belongs to
 * the thread that holds its article (`holder`), so full articles never cross threads; every other
 * page goes to whichever thread asks first once its own are done, so all threads finish together
 * however fast each one turned out to be.
 */
export class RenderQueue {
  private readonly own: PlannedPage[][];
  private readonly ownTaken: number[];
  private readonly shared: PlannedPage[] = [];
  private sharedTaken = 0;

  constructor(pages: PlannedPage[], threads: number, holder: (sourcePath: string) => number | undefined) {
    this.own = Array.from({ length: threads }, () => []);
    this.ownTaken = Array.from({ length: threads }, () => 0);
    let spread = 0;
    for (const page of pages) {
      if ("sourcePath" in page) {
        // An article nobody holds (an unchanged document read again) goes round the threads.
        this.own[holder(page.sourcePath) ?? spread++ % threads]!.push(page);
      } else {
        this.shared.push(page);
      }
    }
  }

  /** The next pages for `thread` to render, at most `size`; empty when there are none left. */
  take(thread: number, size: number): PlannedPage[] {
    const own = this.own[thread]!;
    const taken = this.ownTaken[thread]!;
    if (taken < own.length) {
      this.ownTaken[thread] = taken + size;
      return own.slice(taken, taken + size);
    }
    const batch = this.shared.slice(this.sharedTaken, this.sharedTaken + size);
    this.sharedTaken += batch.length;
    return batch;
  }

  /** The queue as batches for `shareWork`, of `size(thread)` pages. */
  batches(size: (thread: number) => number): Batches<PlannedPage[]> {
    return {
      take: (thread) => {
        const batch = this.take(thread, size(thread));
        return batch.length > 0 ? batch : undefined;
      },
    };
  }
}
