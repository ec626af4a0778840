import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { documentText, listFiles, makeTempDir, readOutput, runBuild, storyFields, writeContent } from "../helpers/fixtures.ts";
import { parseXml } from "./parse-output.ts";

const SITE = "https://example.org/news/";

/** Our own URLs in each generated file: the ones that must live under the base URL and prefix. */
function ownUrls(path: string, text: string): string[] {
  if (path.endsWith("feed.json")) {
    const feed = JSON.parse(text);
    return [feed.home_page_url, feed.feed_url, ...feed.items.flatMap((i: any) => [i.id, i.url, ...i.authors.map((a: any) => a.url)])];
  }
  if (path.endsWith("robots.txt")) return [...text.matchAll(/^Sitemap: (.*)$/gm)].map((m) => m[1]!);
  const xml = parseXml(text, path);
  if (xml.rss) {
    const c = xml.rss.channel;
    return [c.link, c["atom:link"]["@href"], ...(c.item ?? []).flatMap((i: any) => [i.link, i.guid["#text"], i.source["@url"]])];
  }
  if (xml.feed) {
    const f = xml.feed;
    const entries = f.entry ?? [];
    return [f.id, ...f.link.map((l: any) => l["@href"]), ...entries.flatMap((e: any) => [e.id, e.author.uri, ...e.link.filter((l: any) => l["@rel"] === "alternate").map((l: any) => l["@href"])])];
  }
  if (xml.urlset) return xml.urlset.url.map((u: any) => u.loc);
  if (xml.sitemapindex) return xml.sitemapindex.sitemap.map((s: any) => s.loc);
  throw new Error(`unexpected file ${path}`);
}

describe("feeds, sitemaps and robots.txt under --path-prefix /news/ --base-url https://example.org", () => {
  let dir: string;
  let files: string[];
  beforeAll(() => {
    dir = makeTempDir();
    writeContent(dir, {
      "a.md": documentText(storyFields({ topics: ["AI"], publishedDateTime: "2026-11-24T08:00:00Z", images: [{ url: "/assets/ferry.jpg", width: 800, height: 600 }] })),
      "b.md": documentText(storyFields({ title: "Tram Line 4 Opens", originalUrl: "https://outlet.example/tram", webUrl: undefined, category: "stats", provider: { name: "Tech Wire" } })),
    });
    const run = runBuild(dir, ["--path-prefix", "/news/", "--base-url", "https://example.org"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    files = listFiles(join(dir, "dist")).filter((f) => /(feed\.xml|atom\.xml|feed\.json|sitemap[-\d]*\.xml|robots\.txt)$/.test(f));
  });

  it("writes the feeds of the site and of each topic, provider and category", () => {
    for (const folder of ["", "topics/ai/", "providers/harbour-times/", "providers/tech-wire/", "categories/stats/", "categories/news/"]) {
      for (const file of ["feed.xml", "atom.xml", "feed.json"]) expect(files).toContain(folder + file);
    }
  });

  it("puts every URL of ours under https://example.org/news/", () => {
    let checked = 0;
    for (const file of files) {
      for (const url of ownUrls(file, readOutput(dir, file))) {
        expect(url, file).toMatch(/^https:\/\/example\.org\/news\//);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("serves a site-relative lead image from under the prefix", () => {
    const item = JSON.parse(readOutput(dir, "feed.json")).items[0];
    expect(item.image).toBe(`${SITE}assets/ferry.jpg`);
    expect(parseXml(readOutput(dir, "feed.xml")).rss.channel.item[0]["media:content"][0]["@url"]).toBe(`${SITE}assets/ferry.jpg`);
  });

  it("lists the article in the news sitemap and the sitemaps in robots.txt", () => {
    expect(parseXml(readOutput(dir, "news-sitemap.xml")).urlset.url.map((u: any) => u.loc)).toEqual([`${SITE}2026/11/24/harbour-ferry-adds-night-sailings/`]);
    expect(readOutput(dir, "robots.txt")).toContain(`Sitemap: ${SITE}sitemap.xml\nSitemap: ${SITE}news-sitemap.xml\n`);
  });
});
