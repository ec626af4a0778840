import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { planSite } from "../../src/build/plan-site.ts";
import { resolveConfig } from "../../src/config/site-config.ts";
import { summarise } from "../../src/content/article.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { planSearchIndexes } from "../../src/output/search-index.ts";
import { searchPartitions } from "../../src/site/search-partitions.ts";
import type { SiteIndex } from "../../src/site/site-index.ts";
import { SiteUrls } from "../../src/site/site-urls.ts";
import { documentText, fullBuildOfCopy, listFiles, makeTempDir, storyFields, treeDifferences, writeContent } from "../helpers/fixtures.ts";
import { runBuildWithSearch } from "../hostile/cli.ts";

const NOW = "2026-11-24T12:00:00.000Z";
const config = resolveConfig({ baseUrl: "https://example.org", pathPrefix: "/news/", language: "en-GB" });
const urls = new SiteUrls(config.baseUrl, config.pathPrefix);

/** A story published at `when`, with a headline and URL of its own. */
function story(title: string, when: string): string {
  const slug = title.toLowerCase().replaceAll(" ", "-");
  return documentText(storyFields({ title, publishedDateTime: when, originalUrl: `https://outlet.example/${slug}`, webUrl: `https://outlet.example/${slug}`, topics: ["Harbour"] }));
}

function siteIndex(documents: Record<string, string>): SiteIndex {
  const loaded = loadContent(writeContent(makeTempDir(), documents));
  expect(loaded.errors).toEqual([]);
  return planSite(loaded.articles.map(summarise), { drafts: false, future: false, now: NOW }, { ...config, now: NOW }).index;
}

/** Each partition as its folder and the headlines it holds. */
function partitionTitles(index: SiteIndex, maxStories?: number): [string, string[]][] {
  return searchPartitions(index, maxStories).map((p) => [p.folder, p.articles.map((a) => a.summary.title)]);
}

describe("search partitions", () => {
  const stories = {
    "april.md": story("Ferry April", "2026-04-02T09:00:00Z"),
    "march-11.md": story("Ferry March Eleven", "2026-03-11T09:00:00Z"),
    "march-10a.md": story("Ferry March Ten A", "2026-03-10T09:00:00Z"),
    "march-10b.md": story("Ferry March Ten B", "2026-03-10T10:00:00Z"),
    "last-year.md": story("Ferry Last Year", "2025-06-01T09:00:00Z"),
  };

  it("hold the two newest days in the primary index, and the rest of each year in an index of its own while the year is small enough", () => {
    expect(partitionTitles(siteIndex(stories))).toEqual([
      ["pagefind", ["Ferry April", "Ferry March Eleven"]],
      ["pagefind-archive/2026", ["Ferry March Ten B", "Ferry March Ten A"]],
      ["pagefind-archive/2025", ["Ferry Last Year"]],
    ]);
  });

  it("split a year with more stories than the limit into months, and such a month into days", () => {
    const may = { "may-1.md": story("Ferry May One", "2026-05-01T09:00:00Z"), "may-2.md": story("Ferry May Two", "2026-05-02T09:00:00Z") };
    expect(partitionTitles(siteIndex({ ...stories, ...may }), 2)).toEqual([
      ["pagefind", ["Ferry May Two", "Ferry May One"]],
      ["pagefind-archive/2026-04", ["Ferry April"]],
      ["pagefind-archive/2026-03-11", ["Ferry March Eleven"]],
      ["pagefind-archive/2026-03-10", ["Ferry March Ten B", "Ferry March Ten A"]],
      ["pagefind-archive/2025", ["Ferry Last Year"]],
    ]);
  });

  it("keep a day whole, however many stories it has", () => {
    expect(partitionTitles(siteIndex(stories), 1)).toContainEqual(["pagefind-archive/2026-03-10", ["Ferry March Ten B", "Ferry March Ten A"]]);
  });

  it("count days and periods in the site's time zone", () => {
    const lateEvening = {
      "march.md": story("Ferry March", "2026-03-01T09:00:00Z"),
      "february.md": story("Ferry February", "2026-02-01T09:00:00Z"),
      "eve.md": story("Ferry New Year", "2025-12-31T23:30:00Z"),
      "last-year.md": stories["last-year.md"],
    };
    const inTokyo = planSite(loadContent(writeContent(makeTempDir(), lateEvening)).articles.map(summarise), { drafts: false, future: false, now: NOW }, { ...config, timeZone: "Asia/Tokyo", now: NOW }).index;
    expect(partitionTitles(inTokyo)).toEqual([
      ["pagefind", ["Ferry March", "Ferry February"]],
      ["pagefind-archive/2026", ["Ferry New Year"]],
      ["pagefind-archive/2025", ["Ferry Last Year"]],
    ]);
  });

  it("leave a site without stories one empty primary index, so the search page's scripts exist", () => {
    expect(partitionTitles(siteIndex({ "draft.md": documentText(storyFields({ published: false })) }))).toEqual([["pagefind", []]]);
  });

  /** The folders whose digest differs once `added` joins the stories, with a limit of 2 stories per index. */
  function changedDigests(added: Record<string, string>): string[] {
    const digests = (documents: Record<string, string>) => new Map(planSearchIndexes(searchPartitions(siteIndex(documents), 2), urls, config.language).map((i) => [i.folder, i.digest]));
    const [before, after] = [digests(stories), digests({ ...stories, ...added })];
    return [...after].filter(([folder, digest]) => before.get(folder) !== digest).map(([folder]) => folder);
  }

  it("change only the primary's digest when a story joins one of the newest days", () => {
    expect(changedDigests({ "new.md": story("Ferry March Eleven Again", "2026-03-11T18:00:00Z") })).toEqual(["pagefind"]);
  });

  it("change only the digest of an older period a story joins", () => {
    expect(changedDigests({ "new.md": story("Ferry March Ten Again", "2026-03-10T18:00:00Z") })).toEqual(["pagefind-archive/2026-03-10"]);
  });

  it("move the oldest of the newest days back into its period's index when a story starts a new day", () => {
    expect(partitionTitles(siteIndex({ ...stories, "new.md": story("Ferry April Five", "2026-04-05T09:00:00Z") }))).toEqual([
      ["pagefind", ["Ferry April Five", "Ferry April"]],
      ["pagefind-archive/2026", ["Ferry March Eleven", "Ferry March Ten B", "Ferry March Ten A"]],
      ["pagefind-archive/2025", ["Ferry Last Year"]],
    ]);
  });
});

describe("a site built with its search in partitions", () => {
  let dir: string;
  let dist: string;
  beforeAll(() => {
    dir = makeTempDir();
    dist = join(dir, "dist");
    writeFileSync(join(dir, "broadsheet.config.json"), JSON.stringify({ baseUrl: "https://example.org", pathPrefix: "/news/" }));
    writeContent(dir, {
      "this-year.md": story("Tram Line Opens", "2026-03-15T10:00:00Z"),
      "earlier.md": story("Quay Repairs Begin", "2026-02-01T08:00:00Z"),
      "last-year.md": story("Ferry Turns Ten", "2025-06-01T09:00:00Z"),
    });
    const run = runBuildWithSearch(dir);
    expect(run.status, run.stderr).toBe(0);
  }, 60_000);

  it("writes Pagefind's scripts and UI only into the primary bundle, and only an index for each other period", () => {
    const primary = listFiles(join(dist, "pagefind"));
    for (const path of ["pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "wasm.en.pagefind", "pagefind-entry.json"]) expect(primary).toContain(path);
    const archive = listFiles(join(dist, "pagefind-archive/2025"));
    expect(archive).toContain("pagefind-entry.json");
    expect(archive.some((p) => p.startsWith("fragment/"))).toBe(true);
    expect(archive.filter((p) => !/^(index|fragment|filter)\/|^pagefind-entry\.json$|\.pf_meta$/.test(p))).toEqual([]);
    expect(JSON.parse(readFileSync(join(dist, "pagefind-archive/2025/pagefind-entry.json"), "utf8")).languages.en.page_count).toBe(1);
  });

  it("loads the primary bundle on the search page and merges the other periods into its search, under the path prefix", () => {
    const page = readFileSync(join(dist, "search/index.html"), "utf8");
    expect(page).toContain('<script src="/news/pagefind/pagefind-ui.js">');
    expect(page).toContain('bundlePath: "/news/pagefind/"');
    expect(page).toContain('mergeIndex: ["/news/pagefind-archive/2025/"]');
  });

  it("re-indexes only the indexes a new story changes, and ends as a full build of the same documents does", () => {
    const archiveEntry = join(dist, "pagefind-archive/2025/pagefind-entry.json");
    const archiveWritten = statSync(archiveEntry).mtimeMs;
    writeContent(dir, { "new.md": story("Harbour Bridge Reopens", "2026-05-01T07:00:00Z") });
    const run = runBuildWithSearch(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(statSync(archiveEntry).mtimeMs).toBe(archiveWritten);
    const pageCount = (folder: string) => JSON.parse(readFileSync(join(dist, folder, "pagefind-entry.json"), "utf8")).languages.en.page_count;
    // The new day pushes 1 February out of the primary, into an index of its year.
    expect([pageCount("pagefind"), pageCount("pagefind-archive/2026")]).toEqual([2, 1]);

    const full = fullBuildOfCopy(dir, [], runBuildWithSearch);
    expect(full.status, full.stderr).toBe(0);
    expect(treeDifferences(dist, full.dist)).toEqual([]);
  }, 60_000);

  it("removes a period's index, and its place on the search page, once the period has no stories", () => {
    rmSync(join(dir, "content", "last-year.md"));
    const run = runBuildWithSearch(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(dist, "pagefind-archive/2025"))).toBe(false);
    expect(readFileSync(join(dist, "search/index.html"), "utf8")).toContain('mergeIndex: ["/news/pagefind-archive/2026/"]');
  }, 60_000);
});
