import { describe, expect, it } from "vitest";
import { buildSiteIndex } from "../../src/site/site-index.ts";
import { summary } from "../helpers/summaries.ts";

describe("buildSiteIndex: articles", () => {
  it("orders stories newest first", () => {
    const older = summary({ publishedDateTime: "2026-01-01T00:00:00Z" });
    const newer = summary({ publishedDateTime: "2026-02-01T00:00:00Z" });
    const { index } = buildSiteIndex([older, newer], "UTC");
    expect(index.articles.map((a) => a.summary)).toEqual([newer, older]);
  });

  it("orders stories in the same second by their milliseconds, a whole second being .000", () => {
    const whole = summary({ publishedDateTime: "2026-01-01T00:00:00Z" });
    const half = summary({ publishedDateTime: "2026-01-01T00:00:00.500Z" });
    const { index } = buildSiteIndex([whole, half], "UTC");
    expect(index.articles.map((a) => a.summary)).toEqual([half, whole]);
  });

  it("dates article URLs in the site's time zone", () => {
    const late = summary({ title: "Late Night Vote", publishedDateTime: "2026-03-14T23:30:00Z" });
    const { index } = buildSiteIndex([late], "Asia/Tokyo");
    expect(index.articles[0]!.path).toBe("2026/03/15/late-night-vote/");
  });

  it("gives two stories with the same headline on the same day different URLs, whatever the file order", () => {
    const first = summary({ title: "Storm Warning", publishedDateTime: "2026-03-14T06:00:00Z" });
    const second = summary({ title: "Storm Warning", publishedDateTime: "2026-03-14T09:00:00Z" });
    const paths = (list: typeof first[]) => Object.fromEntries(buildSiteIndex(list, "UTC").index.articles.map((a) => [a.summary.identity, a.path]));
    const forwards = paths([first, second]);
    expect(forwards).toEqual(paths([second, first]));
    expect(forwards[first.identity]).toBe("2026/03/14/storm-warning/");
    expect(forwards[second.identity]).toMatch(/^2026\/03\/14\/storm-warning-[0-9a-f]{6}\/$/);
  });

  it("reports the same story in two documents as an error on the later path", () => {
    const a = summary({ sourcePath: "a.md", identity: "https://outlet.example/x" });
    const b = summary({ sourcePath: "b.md", identity: "https://outlet.example/x" });
    const { index, errors } = buildSiteIndex([b, a], "UTC");
    expect(index.articles).toHaveLength(1);
    expect(errors).toEqual([{ file: "b.md", field: "originalUrl", reason: "the same story as a.md; keep one of the two documents" }]);
  });

  it("keeps the first copy by path of each story and reports the others in path order, whatever order they come in", () => {
    const copy = (sourcePath: string, story: string) => summary({ sourcePath, identity: `https://outlet.example/${story}` });
    const { index, errors } = buildSiteIndex([copy("d.md", "x"), copy("c.md", "y"), copy("b.md", "x"), copy("e.md", "y"), copy("a.md", "x")], "UTC");
    expect(index.articles.map((a) => a.summary.sourcePath).sort()).toEqual(["a.md", "c.md"]);
    expect(errors.map((e) => [e.file, e.reason])).toEqual([
      ["b.md", "the same story as a.md; keep one of the two documents"],
      ["d.md", "the same story as a.md; keep one of the two documents"],
      ["e.md", "the same story as c.md; keep one of the two documents"],
    ]);
  });
});

describe("buildSiteIndex: topics, providers and categories", () => {
  it("treats spellings that differ in case and spacing as one topic, named by its most common spelling", () => {
    const stories = [summary({ topics: ["AI"] }), summary({ topics: ["AI"] }), summary({ topics: ["ai"] }), summary({ topics: ["Ai "] })];
    const { index } = buildSiteIndex(stories, "UTC");
    expect(index.terms.topic.map((t) => [t.name, t.slug, t.articles.length])).toEqual([["AI", "ai", 4]]);
  });

  it("treats Unicode normalisation forms of a name as one topic", () => {
    const { index } = buildSiteIndex([summary({ topics: ["Caf\u00e9"] }), summary({ topics: ["Cafe\u0301"] })], "UTC");
    expect(index.terms.topic).toHaveLength(1);
  });

  it("keeps names that differ in accents apart, with different slugs", () => {
    const { index } = buildSiteIndex([summary({ topics: ["Résumé"], publishedDateTime: "2026-01-01T00:00:00Z" }), summary({ topics: ["Resume"] })], "UTC");
    const slugs = index.terms.topic.map((t) => t.slug);
    expect(slugs).toHaveLength(2);
    expect(new Set(slugs).size).toBe(2);
    expect(slugs).toContain("resume");
  });

  it("gives C++, C# and C different slugs", () => {
    const { index } = buildSiteIndex([summary({ topics: ["C++", "C#", "C"] })], "UTC");
    expect(index.terms.topic.map((t) => t.slug).sort()).toEqual(["c", "c-plus-plus", "c-sharp"]);
  });

  it("keeps a topic's slug when a later topic collides with it", () => {
    const early = summary({ topics: ["AI!"], publishedDateTime: "2026-01-01T00:00:00Z" });
    const late = summary({ topics: ["AI?"], publishedDateTime: "2026-06-01T00:00:00Z" });
    const before = buildSiteIndex([early], "UTC").index.terms.topic[0]!.slug;
    const after = buildSiteIndex([late, early], "UTC").index.terms.topic.find((t) => t.name === "AI!")!.slug;
    expect(after).toBe(before);
  });

  it("gives a slug two topics collide on to the one whose oldest story comes first by source URL, when both were first seen at the same instant", () => {
    const at = "2026-01-01T00:00:00Z";
    const bang = [summary({ topics: ["AI!"], publishedDateTime: at, identity: "https://outlet.example/m" }), summary({ topics: ["AI!"], publishedDateTime: "2026-02-01T00:00:00Z" })];
    // The second story at the same instant sorts after the first: it must not become the topic's oldest.
    const query = [summary({ topics: ["AI?"], publishedDateTime: at, identity: "https://outlet.example/c" }), summary({ topics: ["AI?"], publishedDateTime: at, identity: "https://outlet.example/z" })];
    for (const documents of [[...bang, ...query], [...query, ...bang].reverse()]) {
      const slugs = Object.fromEntries(buildSiteIndex(documents, "UTC").index.terms.topic.map((t) => [t.name, t.slug]));
      expect(slugs["AI?"]).toBe("ai");
      expect(slugs["AI!"]).toMatch(/^ai-[0-9a-f]{6}$/);
    }
  });

  it("gives names in any script a non-empty URL", () => {
    const { index } = buildSiteIndex([summary({ topics: ["人工智能", "الذكاء", "🚀"] })], "UTC");
    for (const term of index.terms.topic) expect(term.path).toMatch(/^topics\/[^/]+\/$/);
  });

  it("lists each term's stories newest first", () => {
    const old = summary({ topics: ["Harbour"], publishedDateTime: "2026-01-01T00:00:00Z" });
    const recent = summary({ topics: ["Harbour"], publishedDateTime: "2026-05-01T00:00:00Z" });
    const { index } = buildSiteIndex([old, recent], "UTC");
    expect(index.terms.topic[0]!.articles.map((a) => a.summary)).toEqual([recent, old]);
  });

  it("indexes providers by name and categories by name", () => {
    const { index } = buildSiteIndex([summary({ provider: { name: "Harbour Times" }, category: "Stats" }), summary({ provider: { name: "harbour times" }, category: "stats" })], "UTC");
    expect(index.terms.provider.map((t) => t.path)).toEqual(["providers/harbour-times/"]);
    expect(index.terms.category.map((t) => t.articles.length)).toEqual([2]);
  });
});

describe("buildSiteIndex: date archives", () => {
  it("groups stories by year, month and day", () => {
    const { index } = buildSiteIndex(
      [summary({ publishedDateTime: "2025-12-31T10:00:00Z" }), summary({ publishedDateTime: "2026-01-02T10:00:00Z" }), summary({ publishedDateTime: "2026-01-02T11:00:00Z" })],
      "UTC",
    );
    expect(index.years.map((y) => [y.period, y.articles.length])).toEqual([["2026", 2], ["2025", 1]]);
    expect(index.years[0]!.children[0]!.children.map((d) => [d.path, d.articles.length])).toEqual([["2026/01/02/", 2]]);
  });
});
