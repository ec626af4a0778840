import { describe, expect, it } from "vitest";
import { paginateNewsList } from "../../src/site/paginate.ts";

const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => n - i);

describe("paginateNewsList", () => {
  it("shows a short list on the front page only", () => {
    const pages = paginateNewsList(newestFirst(5), 20);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.items).toEqual([5, 4, 3, 2, 1]);
    expect(pages[0]!.pager).toEqual({ olderPath: undefined });
  });

  it("puts the newest items on the front page", () => {
    const [front] = paginateNewsList(newestFirst(45), 20);
    expect(front!.items).toEqual(newestFirst(45).slice(0, 20));
  });

  it("numbers archive pages from the oldest, full pages only", () => {
    const pages = paginateNewsList(newestFirst(45), 20);
    expect(pages.map((p) => p.path)).toEqual(["", "page/1/", "page/2/"]);
    expect(pages[1]!.items).toEqual(newestFirst(20));
    expect(pages[2]!.items).toEqual(newestFirst(40).slice(0, 20));
  });

  it("leaves full archive pages unchanged when new items arrive", () => {
    const before = paginateNewsList(newestFirst(45), 20);
    const after = paginateNewsList(newestFirst(58), 20);
    expect(after[1]).toEqual(before[1]);
    expect(after[2]).toEqual(before[2]);
  });

  it("links every page to its newer and older neighbours", () => {
    const pages = paginateNewsList(newestFirst(65), 20);
    expect(pages[0]!.pager.olderPath).toBe("page/3/");
    expect(pages[3]!.pager).toMatchObject({ newerPath: "", olderPath: "page/2/" });
    expect(pages[2]!.pager).toMatchObject({ newerPath: "page/3/", olderPath: "page/1/" });
    expect(pages[1]!.pager).toMatchObject({ newerPath: "page/2/", olderPath: undefined });
  });

  it("reaches every item from the front page and the archive pages", () => {
    const items = newestFirst(65);
    const shown = new Set(paginateNewsList(items, 20).flatMap((p) => p.items));
    expect(shown.size).toBe(65);
  });

  it("builds only the pages wanted, each as in the whole list", () => {
    const all = paginateNewsList(newestFirst(65), 20);
    const some = paginateNewsList(newestFirst(65), 20, (page) => page === 0 || page === 3);
    expect(some.map((p) => p.path)).toEqual(["", "page/3/"]);
    expect(some).toEqual([all[0], all[3]]);
  });
});
