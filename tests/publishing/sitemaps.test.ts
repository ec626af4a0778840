import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createEnvironment } from "../../src/render/environment.ts";
import { filters } from "../../src/render/filters.ts";
import { chunked, SITEMAP_FRAME, SITEMAP_LIMITS, sitemapEntryXml, sitemapFiles, splitSitemap, type SitemapEntry } from "../../src/site/sitemaps.ts";
import { documentText, listFiles, makeTempDir, PROJECT_ROOT, readOutput, runBuild, storyFields, writeContent } from "../helpers/fixtures.ts";
import { parseXml } from "./parse-output.ts";

const BASE = "https://broadsheet.example";
// runBuild pins --now to 2026-11-24T12:00:00Z.
const stories = {
  "recent.md": documentText(storyFields({ title: `Tide "Gauge" & <Sensor> Fixed`, publishedDateTime: "2026-11-24T02:00:00Z", originalUrl: "https://outlet.example/recent" })),
  "updated.md": documentText(
    storyFields({ title: "Ferry Timetable Revised", publishedDateTime: "2026-11-20T09:00:00Z", updatedDateTime: "2026-11-23T18:30:00Z", originalUrl: "https://outlet.example/updated" }),
  ),
  "old.md": documentText(storyFields({ title: "Three Days Old", publishedDateTime: "2026-11-21T12:00:00Z", originalUrl: "https://outlet.example/old" })),
  "future.md": documentText(storyFields({ title: "Tomorrow's Story", publishedDateTime: "2026-11-25T09:00:00Z", originalUrl: "https://outlet.example/future" })),
  "video.md": documentText(storyFields({ title: "Harbour Video Tour", type: "video", publishedDateTime: "2026-11-24T06:00:00Z", originalUrl: "https://outlet.example/video" })),
};

describe("sitemap.xml, news-sitemap.xml and robots.txt", () => {
  let dir: string;
  let sitemap: any;
  let entries: Map<string, { loc: string; lastmod?: string }>;
  let news: any;
  beforeAll(() => {
    dir = makeTempDir();
    writeContent(dir, stories);
    writeFileSync(join(dir, "broadsheet.config.json"), JSON.stringify({ title: "Port Alder & Co", baseUrl: BASE, timeZone: "Europe/Paris", language: "fr-FR" }));
    // --future publishes tomorrow's story, so the news sitemap must leave it out by its date alone.
    const run = runBuild(dir, ["--future"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    sitemap = parseXml(readOutput(dir, "sitemap.xml"), "sitemap.xml");
    entries = new Map(sitemap.urlset.url.map((u: any) => [u.loc, u]));
    news = parseXml(readOutput(dir, "news-sitemap.xml"), "news-sitemap.xml").urlset;
  });

  describe("sitemap.xml", () => {
    it("lists every HTML page once, by absolute URL", () => {
      const pages = listFiles(join(dir, "dist")).filter((f) => f.endsWith("index.html") && f !== "search/index.html");
      expect(sitemap.urlset["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
      expect([...entries.keys()].sort()).toEqual(pages.map((f) => `${BASE}/${f.slice(0, -"index.html".length)}`).sort());
      expect(sitemap.urlset.url.length).toBe(entries.size);
    });

    it("leaves out the search page and the 404 page", () => {
      expect(entries.has(`${BASE}/search/`)).toBe(false);
      expect([...entries.keys()].some((loc) => loc.includes("404"))).toBe(false);
    });

    it("dates an article by its update, else by its publication", () => {
      expect(entries.get(`${BASE}/2026/11/20/ferry-timetable-revised/`)?.lastmod).toBe("2026-11-23T18:30:00Z");
      expect(entries.get(`${BASE}/2026/11/21/three-days-old/`)?.lastmod).toBe("2026-11-21T12:00:00Z");
    });

    it("is exactly as large as the splitter reckons, so the 50 MB limit is measured on the real bytes", () => {
      const reckoned = Buffer.byteLength(SITEMAP_FRAME) + sitemap.urlset.url.reduce((sum: number, u: any) => sum + Buffer.byteLength(sitemapEntryXml({ url: u.loc, lastmod: u.lastmod })), 0);
      expect(statSync(join(dir, "dist", "sitemap.xml")).size).toBe(reckoned);
    });
  });

  describe("news-sitemap.xml", () => {
    it("lists only news articles published in the 48 hours before the build's now", () => {
      expect(news["@xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
      expect(news.url.map((u: any) => u.loc)).toEqual([`${BASE}/2026/11/24/tide-gauge-and-sensor-fixed/`]);
    });

    it("names the publication and its language, and gives the date with an offset and the exact title", () => {
      expect(news.url[0]["news:news"]).toEqual({
        "news:publication": { "news:name": "Port Alder & Co", "news:language": "fr" },
        "news:publication_date": "2026-11-24T03:00:00+01:00",
        "news:title": `Tide "Gauge" & <Sensor> Fixed`,
      });
    });

    it("leaves out a story from three days before, a future story and a video", () => {
      const locs = news.url.map((u: any) => u.loc).join(" ");
      for (const slug of ["three-days-old", "tomorrows-story", "harbour-video-tour"]) expect(locs).not.toContain(slug);
      expect(entries.has(`${BASE}/2026/11/25/tomorrows-story/`)).toBe(true);
    });
  });

  it("robots.txt allows crawling and names both sitemaps by absolute URL", () => {
    expect(readOutput(dir, "robots.txt")).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${BASE}/sitemap.xml\nSitemap: ${BASE}/news-sitemap.xml\n`);
  });
});

describe("the sitemap files of a site", () => {
  // Stories newest first, as the site index holds them; lists and archives carry no lastmod.
  const story = (day: number): SitemapEntry => ({ url: `${BASE}/2026/01/${String(day).padStart(2, "0")}/story/`, lastmod: `2026-01-${String(day).padStart(2, "0")}T00:00:00Z` });
  const stories = (newest: number) => Array.from({ length: newest }, (_, i) => story(newest - i));
  const lists = [{ url: `${BASE}/` }, { url: `${BASE}/topics/` }];
  const small = { urls: 3, bytes: SITEMAP_LIMITS.bytes };

  it("keeps every page in sitemap.xml while they fit, stories newest first, then the other pages", () => {
    expect(sitemapFiles(stories(1), lists, small)).toEqual([{ path: "sitemap.xml", entries: [story(1), ...lists] }]);
  });

  it("above the limits, gives stories, oldest first, and other pages files of their own", () => {
    const files = sitemapFiles(stories(4), lists, small);
    expect(files.map((f) => f.path)).toEqual(["sitemap-articles-1.xml", "sitemap-articles-2.xml", "sitemap-pages-1.xml"]);
    expect(files.map((f) => f.entries)).toEqual([[story(1), story(2), story(3)], [story(4)], lists]);
  });

  it("above the limits, leaves the files of older stories as they were when new stories arrive", () => {
    const before = sitemapFiles(stories(4), lists, small);
    const after = sitemapFiles(stories(5), lists, small);
    expect(after[0]).toEqual(before[0]);
    expect(after[1]!.entries).toEqual([story(4), story(5)]);
  });

  it("counts bytes as well as URLs before keeping everything in one file", () => {
    const limit = Buffer.byteLength(SITEMAP_FRAME) + [story(1), ...lists].reduce((sum, e) => sum + Buffer.byteLength(sitemapEntryXml(e)), 0);
    expect(sitemapFiles(stories(1), lists, { urls: 50_000, bytes: limit }).map((f) => f.path)).toEqual(["sitemap.xml"]);
    expect(sitemapFiles(stories(1), lists, { urls: 50_000, bytes: limit - 1 }).map((f) => f.path)).toEqual(["sitemap-articles-1.xml", "sitemap-pages-1.xml"]);
  });
});

describe("splitting a sitemap", () => {
  const entries: SitemapEntry[] = Array.from({ length: 7 }, (_, i) => ({ url: `${BASE}/2026/01/0${i + 1}/story/`, lastmod: `2026-01-0${i + 1}T00:00:00Z` }));
  const bytesOf = (chunk: SitemapEntry[]) => Buffer.byteLength(SITEMAP_FRAME) + chunk.reduce((sum, e) => sum + Buffer.byteLength(sitemapEntryXml(e)), 0);

  it("keeps a small site in one file", () => {
    expect(splitSitemap(entries)).toEqual([entries]);
  });

  it("uses the limits of the sitemap protocol: 50,000 URLs and 50 MB", () => {
    expect(SITEMAP_LIMITS).toEqual({ urls: 50_000, bytes: 52_428_800 });
  });

  it("starts a new file when the URL limit is reached, in order", () => {
    const chunks = splitSitemap(entries, { urls: 3, bytes: SITEMAP_LIMITS.bytes });
    expect(chunks.map((c) => c.length)).toEqual([3, 3, 1]);
    expect(chunks.flat()).toEqual(entries);
  });

  it("starts a new file before the byte limit would be passed", () => {
    const limit = bytesOf(entries.slice(0, 2)) + 10;
    const chunks = splitSitemap(entries, { urls: 50_000, bytes: limit });
    expect(chunks.map((c) => c.length)).toEqual([2, 2, 2, 1]);
    for (const chunk of chunks) expect(bytesOf(chunk)).toBeLessThanOrEqual(limit);
    expect(chunks.flat()).toEqual(entries);
  });

  it("counts escaped and multi-byte characters as written", () => {
    const entry = { url: `${BASE}/café/?a=1&b=2` };
    expect(sitemapEntryXml(entry)).toBe(`<url><loc>${BASE}/café/?a=1&amp;b=2</loc></url>\n`);
    const limit = bytesOf([entry, entry]);
    expect(splitSitemap([entry, entry, entry], { urls: 50_000, bytes: limit }).map((c) => c.length)).toEqual([2, 1]);
  });

  it("counts multi-byte characters as written when nothing needs escaping, down to the last byte", () => {
    const entry = { url: `${BASE}/東京/café/`, lastmod: "2026-01-01T00:00:00Z" };
    const exact = bytesOf([entry, entry]);
    expect(splitSitemap([entry, entry, entry], { urls: 50_000, bytes: exact }).map((c) => c.length)).toEqual([2, 1]);
    expect(splitSitemap([entry, entry, entry], { urls: 50_000, bytes: exact - 1 }).map((c) => c.length)).toEqual([1, 1, 1]);
  });

  it("counts plain ASCII entries, and entries with characters outside the BMP, to the last byte", () => {
    for (const entry of [{ url: `${BASE}/2026/01/01/plain/`, lastmod: "2026-01-01T00:00:00Z" }, { url: `${BASE}/launch-🚀/` }]) {
      const exact = bytesOf([entry, entry]);
      expect(splitSitemap([entry, entry, entry], { urls: 50_000, bytes: exact }).map((c) => c.length)).toEqual([2, 1]);
      expect(splitSitemap([entry, entry, entry], { urls: 50_000, bytes: exact - 1 }).map((c) => c.length)).toEqual([1, 1, 1]);
    }
  });

  it("refuses an entry that cannot fit in any file", () => {
    expect(() => splitSitemap(entries, { urls: 10, bytes: 100 })).toThrow(/larger than 100 bytes/);
  });

  it("gives an empty site one empty sitemap", () => {
    expect(splitSitemap([])).toEqual([[]]);
  });

  it("cuts the news sitemap into files of at most 1,000 stories", () => {
    expect(chunked(Array.from({ length: 2_500 }, (_, i) => i), 1_000).map((c) => c.length)).toEqual([1_000, 1_000, 500]);
    expect(chunked([], 1_000)).toEqual([[]]);
  });

  it("renders a sitemap index that lists each file with its lastmod", () => {
    const env = createEnvironment(join(PROJECT_ROOT, "layouts"), { nunjucksFilters: filters });
    const site = { baseUrl: BASE, language: "en", timeZone: "UTC" };
    const view = { kind: "sitemap-index", sitemaps: [{ url: `${BASE}/sitemap-1.xml`, lastmod: "2026-01-07T00:00:00Z" }, { url: `${BASE}/sitemap-2.xml?a&b` }] };
    const index = parseXml(env.render("sitemap-index.njk", { site, view })).sitemapindex;
    expect(index["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(index.sitemap).toEqual([{ loc: `${BASE}/sitemap-1.xml`, lastmod: "2026-01-07T00:00:00Z" }, { loc: `${BASE}/sitemap-2.xml?a&b` }]);
  });
});
