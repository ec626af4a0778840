import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { planSite } from "../../src/build/plan-site.ts";
import { resolveConfig } from "../../src/config/site-config.ts";
import { summarise } from "../../src/content/article.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { searchIndexDigest, searchRecords, writeSearchIndex, type SearchIndexFile, type SearchRecord } from "../../src/output/search-index.ts";
import type { SiteIndex } from "../../src/site/site-index.ts";
import { SiteUrls } from "../../src/site/site-urls.ts";
import { documentText, makeTempDir, storyFields, writeContent } from "../helpers/fixtures.ts";

const NOW = "2026-11-24T12:00:00.000Z";
const SECRET = "U0VBUkNILVNFQ1JFVA==;c2VhcmNoLXNlY3JldA==";
const config = resolveConfig({ baseUrl: "https://example.org", pathPrefix: "/news/", language: "en-GB" });
const urls = new SiteUrls(config.baseUrl, config.pathPrefix);

const stories = {
  "ferry.md": documentText(
    storyFields({ topics: ["Transport", "Harbour"], secured: SECRET, images: [{ url: "/assets/ferry.jpg", width: 800, height: 600, title: "The night ferry" }], heat: 8642 }),
  ),
  "tram.md": documentText(
    storyFields({
      title: "Tram Line 4 Opens",
      excerpt: "Passengers rode the new line for free on its first day.",
      publishedDateTime: "2026-03-15T10:00:00Z",
      originalUrl: "https://ledger.example/tram",
      webUrl: undefined,
      provider: { name: "Port Alder Ledger", domain: "ledger.example" },
      topics: ["Transport"],
      category: "Stats",
      images: [],
      secured: SECRET,
    }),
  ),
  "course.md": documentText(
    storyFields({ title: "Learning to Sail", type: "course", category: undefined, originalUrl: "https://school.example/sail", webUrl: undefined, topics: [], secured: SECRET }),
  ),
  "draft.md": documentText(storyFields({ title: "Unpublished Budget Leak", originalUrl: "https://ledger.example/leak", published: false, secured: SECRET })),
};

async function siteIndex(documents: Record<string, string>): Promise<SiteIndex> {
  const dir = makeTempDir();
  const loaded = loadContent(writeContent(dir, documents));
  expect(loaded.errors).toEqual([]);
  return planSite(loaded.articles.map(summarise), { drafts: false, future: false, now: NOW }, { ...config, now: NOW }).index;
}

describe("search records", () => {
  let records: SearchRecord[];
  let byTitle: Map<string, SearchRecord>;
  beforeAll(async () => {
    records = searchRecords((await siteIndex(stories)).articles, urls, config.language);
    byTitle = new Map(records.map((r) => [r.meta.title!, r]));
  });

  it("hold one record per published story, never a draft", () => {
    expect([...byTitle.keys()].sort()).toEqual(["Harbour Ferry Adds Night Sailings", "Learning to Sail", "Tram Line 4 Opens"]);
  });

  it("point at the article page under the path prefix", () => {
    expect(byTitle.get("Tram Line 4 Opens")!.url).toBe("/news/2026/03/15/tram-line-4-opens/");
  });

  it("make the headline, excerpt, topics, provider and category searchable", () => {
    const content = byTitle.get("Tram Line 4 Opens")!.content;
    for (const text of ["Tram Line 4 Opens", "Passengers rode the new line for free on its first day.", "Transport", "Port Alder Ledger", "Stats"]) expect(content).toContain(text);
  });

  it("offer topic, provider and category filters", () => {
    expect(byTitle.get("Tram Line 4 Opens")!.filters).toEqual({ topic: ["Transport"], provider: ["Port Alder Ledger"], category: ["Stats"] });
    expect(byTitle.get("Harbour Ferry Adds Night Sailings")!.filters.topic).toEqual(["Transport", "Harbour"]);
    expect(byTitle.get("Learning to Sail")!.filters).toEqual({ topic: [], provider: ["Harbour Times"], category: [] });
  });

  it("show the lead image from under the path prefix, with its description", () => {
    expect(byTitle.get("Harbour Ferry Adds Night Sailings")!.meta).toEqual({ title: "Harbour Ferry Adds Night Sailings", image: "/news/assets/ferry.jpg", image_alt: "The night ferry" });
    expect(byTitle.get("Tram Line 4 Opens")!.meta.image).toBeUndefined();
  });

  it("sort by publication date and use the site's language", () => {
    expect(byTitle.get("Tram Line 4 Opens")!.sort).toEqual({ date: "2026-03-15T10:00:00Z" });
    expect(records.every((r) => r.language === "en")).toBe(true);
  });

  it("never contain the secured value, or fields the pages do not show", () => {
    const text = JSON.stringify(records);
    expect(text).not.toContain(SECRET.slice(0, 10));
    expect(text).not.toContain("8642");
    expect(text).not.toContain("Unpublished Budget Leak");
  });

  it("have a digest that changes only when a record does", async () => {
    const again = searchRecords((await siteIndex(stories)).articles, urls, config.language);
    expect(searchIndexDigest(again)).toBe(searchIndexDigest(records));
    const renamed = searchRecords((await siteIndex({ ...stories, "tram.md": stories["tram.md"].replace("Tram Line 4 Opens", "Tram Line 4 Opens Early") })).articles, urls, config.language);
    expect(searchIndexDigest(renamed)).not.toBe(searchIndexDigest(records));
  });
});

describe("the Pagefind bundle written from the records", () => {
  let outDir: string;
  let files: SearchIndexFile[];
  let indexText: string;
  beforeAll(async () => {
    outDir = join(makeTempDir(), "pagefind");
    files = await writeSearchIndex(searchRecords((await siteIndex(stories)).articles, urls, config.language), outDir);
    // Pagefind's index files are gzipped; read them as the browser would.
    indexText = files
      .filter((f) => /\.pf_(fragment|filter|meta|index)$/.test(f.path))
      .map((f) => gunzipSync(f.content).toString("utf8"))
      .join("\n");
  }, 60_000);

  it("holds the script, the default UI and the index", () => {
    const paths = files.map((f) => f.path);
    for (const path of ["pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-entry.json"]) expect(paths).toContain(path);
    expect(paths.some((p) => p.startsWith("fragment/"))).toBe(true);
    expect(readdirSync(outDir, { recursive: true })).toEqual(expect.arrayContaining(paths));
  });

  it("indexes the stories in the site's language", () => {
    const entry = JSON.parse(readFileSync(join(outDir, "pagefind-entry.json"), "utf8"));
    expect(Object.keys(entry.languages)).toEqual(["en"]);
    expect(entry.languages.en.page_count).toBe(3);
  });

  it("carries the stories, their prefixed URLs and the three filters", () => {
    for (const text of ["Tram Line 4 Opens", "/news/2026/03/15/tram-line-4-opens/", "topic", "provider", "category", "Port Alder Ledger", "Harbour"]) expect(indexText).toContain(text);
  });

  it("never holds the secured value or an unpublished story", () => {
    expect(indexText).not.toContain(SECRET.slice(0, 10));
    expect(indexText).not.toContain("Unpublished Budget Leak");
    for (const file of files) expect(Buffer.from(file.content).toString("latin1")).not.toContain(SECRET.slice(0, 10));
  });
});
