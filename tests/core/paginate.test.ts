import { describe, expect, it } from "vitest";
import { paginateNewsList, wholeList } from "../../src/site/paginate.ts";

const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => n - i);
const list = (n: number) => wholeList(newestFirst(n));

describe("paginateNewsList", () => {
  it("shows a short list on the front page only", () => {
    const pages = paginateNewsList(list(5), 20);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.items).toEqual([5, 4, 3, 2, 1]);
    expect(pages[0]!.pager).toEqual({ olderPath: undefined });
  });

  it("puts the newest items on the front page", () => {
    const [front] = paginateNewsList(list(45), 20);
    expect(front!.items).toEqual(newestFirst(45).slice(0, 20));
  });

  it("numbers archive pages from the oldest, full pages only", () => {
    const pages = paginateNewsList(list(45), 20);
    expect(pages.map((p) => p.path)).toEqual(["", "page/1/", "page/2/"]);
    expect(pages[1]!.items).toEqual(newestFirst(20));
    expect(pages[2]!.items).toEqual(newestFirst(40).slice(0, 20));
  });

  it("leaves full archive pages unchanged when new items arrive", () => {
    const before = paginateNewsList(list(45), 20);
    const after = paginateNewsList(list(58), 20);
    expect(after[1]).toEqual(before[1]);
    expect(after[2]).toEqual(before[2]);
  });

  it("links every page to its newer and older neighbours", () => {
    const pages = paginateNewsList(list(65), 20);
    expect(pages[0]!.pager.olderPath).toBe("page/3/");
    expect(pages[3]!.pager).toMatchObject({ newerPath: "", olderPath: "page/2/" });
    expect(pages[2]!.pager).toMatchObject({ newerPath: "page/3/", olderPath: "page/1/" });
    expect(pages[1]!.pager).toMatchObject({ newerPath: "page/2/", olderPath: undefined });
  });

  it("reaches every item from the front page and the archive pages", () => {
    const items = newestFirst(65);
    const shown = new Set(paginateNewsList(wholeList(items), 20).flatMap((p) => p.items));
    expect(shown.size).toBe(65);
  });

  it("builds only the pages wanted, each as in the whole list", () => {
    const all = paginateNewsList(list(65), 20);
    const some = paginateNewsList(list(65), 20, (page) => page === 0 || page === 3);
    expect(some.map((p) => p.path)).toEqual(["", "page/3/"]);
    expect(some).toEqual([all[0], all[3]]);
  });

  it("builds the pages wanted from the newest items alone, as from the whole list", () => {
    const all = paginateNewsList(list(65), 20);
    // Page 3, the newest archive page, holds items 25 to 6: it needs the 25 newest.
    const window = { count: 65, newest: newestFirst(65).slice(0, 25) };
    expect(paginateNewsList(window, 20, (page) => page === 0 || page === 3)).toEqual([all[0], all[3]]);
  });

  it("refuses a page wanted whose items are not all among the newest at hand", () => {
    const window = { count: 65, newest: newestFirst(65).slice(0, 45) };
    expect(paginateNewsList(window, 20, (page) => page === 2)[0]!.items).toEqual(newestFirst(65).slice(25, 45));
    expect(() => paginateNewsList(window, 20, (page) => page === 2 || page === 1)).toThrow(/Page 1 of a list of 65 shows its 65 newest stories, but only 45/);
  });
});
