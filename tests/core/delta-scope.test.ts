import { describe, expect, it } from "vitest";
import type { ArticleSummary } from "../../src/content/article.ts";
import { planSite } from "../../src/build/plan-site.ts";
import { summary } from "../helpers/summaries.ts";

const NOW = "2026-11-24T12:00:00Z";
const RULES = { drafts: false, future: false, now: NOW };
const SETTINGS = { title: "Harbour News", description: "News.", baseUrl: "https://news.example", pathPrefix: "/", language: "en", timeZone: "UTC", pageSize: 3, feedSize: 4, now: NOW };

/** Stories an hour apart, the newest `hoursBeforeNow` before NOW. */
function stories(count: number, hoursBeforeNow: number, overrides: Partial<ArticleSummary> = {}): ArticleSummary[] {
  return Array.from({ length: count }, (_, i) => summary({ publishedDateTime: new Date(Date.parse(NOW) - (hoursBeforeNow + i) * 3_600_000).toISOString().replace(".000Z", "Z"), ...overrides }));
}

/**
 * The previous build of `before`, then a build after `added` and `edited` (stories of `before`
 * changed in place) with the delta planner allowed, and a full plan of the same.
 */
function planAfterAdding(before: ArticleSummary[], added: ArticleSummary[], edited: ArticleSummary[] = []) {
  const previous = planSite(before, RULES, SETTINGS);
  const editedPaths = new Set(edited.map((s) => s.sourcePath));
  const now = [...before.filter((s) => !editedPaths.has(s.sourcePath)), ...edited, ...added];
  const after = planSite(now, RULES, SETTINGS, { added: new Set(added.map((s) => s.sourcePath)), edited: editedPaths, terms: previous.terms });
  const full = planSite(now, RULES, SETTINGS);
  const fingerprints = (plan: typeof full) => new Map(plan.pages.map((page) => [page.outputPath, page.fingerprint]));
  const was = fingerprints(previous);
  const changed = full.pages.filter((page) => was.get(page.outputPath) !== page.fingerprint).map((page) => page.outputPath);
  return { after, full: fingerprints(full), changed, planned: fingerprints(after) };
}

describe("the delta planner", () => {
  it("plans every page that added stories change, as the full planner does, and few others", () => {
    const { after, full, changed, planned } = planAfterAdding(stories(30, 10, { topics: ["Rail"] }), stories(2, 1, { topics: ["Rail", "Ferries"] }));
    expect(after.planner).toEqual({ name: "delta" });
    expect(changed.length).toBeGreaterThan(10);
    for (const path of changed) expect(planned.get(path), path).toBe(full.get(path));
    for (const [path, fingerprint] of planned) expect(fingerprint, path).toBe(full.get(path));
    expect(planned.size).toBeLessThan(full.size / 2);
  });

  it("plans the front page, an archive page that fills up and the page before it, not the older ones", () => {
    const { after, planned } = planAfterAdding(stories(7, 10), stories(2, 1));
    expect(after.planner.name).toBe("delta");
    expect(["index.html", "page/1/index.html", "page/2/index.html", "page/3/index.html"].filter((path) => planned.has(path))).toEqual(["index.html", "page/2/index.html", "page/3/index.html"]);
  });

  it("plans only the front page of a list whose archive pages do not fill up", () => {
    const { planned } = planAfterAdding(stories(6, 10), stories(1, 1));
    expect([...planned.keys()].filter((path) => /^(page\/\d+\/)?index\.html$/.test(path))).toEqual(["index.html"]);
  });

  it("plans the archive pages from the one an older new story lands on to the newest, not the older ones", () => {
    const { after, planned } = planAfterAdding(stories(9, 1), stories(1, 5.5));
    expect(after.planner.name).toBe("delta");
    expect(["index.html", "page/1/index.html", "page/2/index.html", "page/3/index.html"].filter((path) => planned.has(path))).toEqual(["index.html", "page/2/index.html", "page/3/index.html"]);
  });

  it("plans every page that changes, wherever new stories land and however many there are", () => {
    for (const [count, added] of [[2, 1], [3, 1], [5, 2], [6, 3], [9, 4], [10, 7], [14, 2]] as const) {
      for (let shift = 0; shift <= count + 1; shift += 1) {
        const { full, changed, planned } = planAfterAdding(stories(count, 1), stories(added, shift + 0.5));
        const at = `${added} added to ${count}, ${shift} stories newer`;
        for (const path of changed) expect(planned.get(path), `${path}: ${at}`).toBe(full.get(path));
        for (const [path, fingerprint] of planned) expect(fingerprint, `${path}: ${at}`).toBe(full.get(path));
      }
    }
  });

  it("plans the pages of stories that list a new story as related", () => {
    const pointing = summary({ publishedDateTime: "2026-01-05T10:00:00Z", relatedUrls: ["https://outlet.example/arriving"] });
    const unrelated = summary({ publishedDateTime: "2026-01-06T10:00:00Z" });
    const arriving = summary({ publishedDateTime: "2026-11-24T08:00:00Z", identity: "https://outlet.example/arriving", readUrl: "https://outlet.example/arriving" });
    const { planned } = planAfterAdding([pointing, unrelated], [arriving]);
    const articlePages = [...planned.keys()].filter((path) => /^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(path));
    expect(articlePages.sort()).toEqual([`2026/01/05/${pointing.titleSlug}/index.html`, `2026/11/24/${arriving.titleSlug}/index.html`]);
  });

  /** `story` as an edit of its excerpt leaves it: a new revision, the same place on every list. */
  const corrected = (story: ArticleSummary): ArticleSummary => ({ ...story, revision: `${story.revision}-corrected`, excerpt: "Corrected." });

  it("plans every page that shows an edited story, wherever it is on its lists", () => {
    for (const count of [1, 2, 3, 4, 5, 6, 7, 9, 10, 14]) {
      for (let position = 0; position < count; position += 1) {
        const before = stories(count, 1, { topics: ["Rail"] });
        const { after, full, changed, planned } = planAfterAdding(before, [], [corrected(before[position]!)]);
        const at = `story ${position} of ${count} edited`;
        expect(after.planner, at).toEqual({ name: "delta" });
        expect(changed.length, at).toBeGreaterThan(0);
        for (const path of changed) expect(planned.get(path), `${path}: ${at}`).toBe(full.get(path));
        for (const [path, fingerprint] of planned) expect(fingerprint, `${path}: ${at}`).toBe(full.get(path));
      }
    }
  });

  it("plans every page that changes when stories are added and others edited in one build", () => {
    for (const [count, added] of [[3, 1], [6, 2], [9, 4], [14, 2]] as const) {
      for (let shift = 0; shift <= count + 1; shift += 2) {
        for (const position of [0, Math.floor(count / 2), count - 1]) {
          const before = stories(count, 1);
          const { full, changed, planned } = planAfterAdding(before, stories(added, shift + 0.5), [corrected(before[position]!)]);
          const at = `${added} added to ${count}, ${shift} stories newer, story ${position} edited`;
          for (const path of changed) expect(planned.get(path), `${path}: ${at}`).toBe(full.get(path));
          for (const [path, fingerprint] of planned) expect(fingerprint, `${path}: ${at}`).toBe(full.get(path));
        }
      }
    }
  });

  it("plans, for an edit to an old story, its page and the archive pages that show it, not the front pages", () => {
    const before = stories(12, 1, { topics: ["Rail"] });
    const { planned } = planAfterAdding(before, [], [corrected(before[11]!)]);
    const lists = [...planned.keys()].filter((path) => /(^|\/)(page\/\d+\/)?index\.html$/.test(path) && !/^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(path));
    expect(lists).toContain("page/1/index.html");
    expect(lists).toContain("topics/rail/page/1/index.html");
    expect(lists).not.toContain("index.html");
    expect(lists).not.toContain("topics/rail/index.html");
    expect(planned.has(`${before[11]!.publishedDateTime.slice(0, 10).replaceAll("-", "/")}/${before[11]!.titleSlug}/index.html`)).toBe(true);
  });

  describe("leaves the build to the full planner", () => {
    it("when new stories make another spelling a topic's name", () => {
      const { after } = planAfterAdding(stories(1, 10, { topics: ["Rail"] }), stories(2, 1, { topics: ["rail"] }));
      expect(after.planner).toEqual({ name: "full", reason: "the topic Rail (topics/rail/) is now rail (topics/rail/)" });
    });

    it("when a new story's plain address is an earlier story's, which would move", () => {
      const standing = summary({ sourcePath: "standing.md", title: "Storm Warning", publishedDateTime: "2026-11-24T09:00:00Z" });
      const earlier = summary({ sourcePath: "earlier.md", title: "Storm Warning", publishedDateTime: "2026-11-24T06:00:00Z" });
      const { after } = planAfterAdding([standing], [earlier]);
      expect(after.planner).toEqual({ name: "full", reason: "the new story earlier.md takes the address of standing.md" });
    });

    it("but not when a later story with the same headline takes a suffixed address", () => {
      const standing = summary({ title: "Storm Warning", publishedDateTime: "2026-11-24T06:00:00Z" });
      const later = summary({ title: "Storm Warning", publishedDateTime: "2026-11-24T09:00:00Z" });
      expect(planAfterAdding([standing], [later]).after.planner).toEqual({ name: "delta" });
    });

    it("when a document is the same story as another", () => {
      const [original] = stories(1, 10);
      const { after } = planAfterAdding([original!], [summary({ identity: original!.identity, publishedDateTime: "2026-11-24T11:00:00Z" })]);
      expect(after.planner).toEqual({ name: "full", reason: "some documents are invalid" });
    });
  });
});
