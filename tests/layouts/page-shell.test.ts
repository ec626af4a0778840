import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { documentText, listFiles, makeTempDir, readOutput, runBuild, storyFields, writeContent, type CliRun } from "../helpers/fixtures.ts";
import { HtmlPage, textOf } from "./html.ts";

/** Served under a sub-path, so every link must carry the prefix to work from any depth. */
const CONFIG = {
  title: "Test Gazette",
  description: "Curated news for tests.",
  baseUrl: "https://gazette.example",
  pathPrefix: "/news/",
  language: "en-GB",
  timeZone: "UTC",
};

const ARTICLE = "2026/03/14/harbour-ferry-adds-night-sailings/index.html";

describe("the page shell every HTML page shares", () => {
  let dir: string;
  let run: CliRun;
  let htmlFiles: string[];
  const pageAt = (path: string) => new HtmlPage(readOutput(dir, path));

  beforeAll(() => {
    dir = makeTempDir();
    writeContent(dir, {
      "ferry.md": documentText(storyFields({ provider: { name: "Harbour Times", domain: "harbourtimes.example", images: [{ url: "/assets/logos/harbour-times.svg", width: 50, height: 50 }] } })),
      "tram.md": documentText(storyFields({ title: "Tram Line Opens", publishedDateTime: "2026-03-10T08:00:00Z", originalUrl: "https://ledger.example/tram", webUrl: "https://ledger.example/tram", images: [] })),
    });
    writeFileSync(join(dir, "broadsheet.config.json"), JSON.stringify(CONFIG));
    run = runBuild(dir);
    htmlFiles = listFiles(join(dir, "dist")).filter((f) => f.endsWith(".html"));
  });

  it("builds without errors", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("starts every page with the doctype and the site's language", () => {
    for (const file of htmlFiles) {
      const html = readOutput(dir, file);
      expect(html.startsWith("<!DOCTYPE html>\n"), file).toBe(true);
      expect(new HtmlPage(html).one("html").attribs["lang"], file).toBe("en-GB");
    }
  });

  it("titles pages '<page> — <site>', and the home page with the site title alone", () => {
    expect(textOf(pageAt("index.html").one("title"))).toBe("Test Gazette");
    expect(textOf(pageAt("topics/transport/index.html").one("title"))).toBe("Transport — Test Gazette");
    expect(textOf(pageAt(ARTICLE).one("title"))).toBe("Harbour Ferry Adds Night Sailings — Test Gazette");
  });

  it("gives each page a description, its canonical URL and Open Graph tags", () => {
    const topic = pageAt("topics/transport/index.html");
    expect(topic.one("link", { rel: "canonical" }).attribs["href"]).toBe("https://gazette.example/news/topics/transport/");
    expect(topic.meta("description")).toMatch(/Transport/);
    expect(topic.meta("og:url")).toBe("https://gazette.example/news/topics/transport/");
    expect(topic.meta("og:type")).toBe("website");
    expect(topic.meta("og:title")).toBe("Transport");
    expect(topic.meta("og:site_name")).toBe("Test Gazette");
    expect(topic.meta("og:locale")).toBe("en_GB");
    expect(topic.meta("og:image")).toBeUndefined();
    expect(topic.meta("twitter:card")).toBe("summary");
  });

  it("links the fingerprinted stylesheet, the favicon and the colour schemes", () => {
    const home = pageAt("index.html");
    const css = home.one("link", { rel: "stylesheet" }).attribs["href"]!;
    expect(css).toMatch(/^\/news\/assets\/site\.[\w-]+\.css$/);
    expect(existsSync(join(dir, "dist", css.slice("/news/".length)))).toBe(true);
    expect(home.one("link", { rel: "icon" }).attribs).toMatchObject({ href: "/news/favicon.svg", type: "image/svg+xml" });
    expect(existsSync(join(dir, "dist", "favicon.svg"))).toBe(true);
    expect(home.meta("color-scheme")).toBe("light dark");
  });

  it("announces the site's feeds on every page with their media types", () => {
    for (const file of [ARTICLE, "index.html", "topics/index.html"]) {
      const alternates = pageAt(file).all("link", { rel: "alternate" }).slice(0, 3);
      expect(alternates.map((l) => [l.attribs["type"], l.attribs["href"]]), file).toEqual([
        ["application/rss+xml", "/news/feed.xml"],
        ["application/atom+xml", "/news/atom.xml"],
        ["application/feed+json", "/news/feed.json"],
      ]);
    }
  });

  it("has a skip link to the main landmark, which exists once", () => {
    const page = pageAt(ARTICLE);
    expect(page.one("a", { class: "skip-link" }).attribs["href"]).toBe("#main");
    expect(page.all("main", { id: "main" })).toHaveLength(1);
    expect(page.all("header", { class: "site-header" })).toHaveLength(1);
    expect(page.all("footer", { class: "site-footer" })).toHaveLength(1);
  });

  it("links home from the site title and marks the current section in the navigation", () => {
    const directory = pageAt("topics/index.html");
    expect(directory.one("a", { class: "site-title" }).attribs["href"]).toBe("/news/");
    const nav = directory.one("nav", { "aria-label": "Sections" });
    expect(directory.all("a", {}, nav).map(textOf)).toEqual(["Latest", "Topics", "Providers", "Categories", "Archive", "Search"]);
    expect(directory.all("a", { "aria-current": "page" }, nav).map(textOf)).toEqual(["Topics"]);
    const topic = pageAt("topics/transport/index.html");
    expect(topic.all("a", { "aria-current": true }, topic.one("nav", { "aria-label": "Sections" })).map((a) => [textOf(a), a.attribs["aria-current"]])).toEqual([["Topics", "true"]]);
  });

  it("shows no breadcrumb trail on the home page", () => {
    expect(pageAt("index.html").all("nav", { "aria-label": "Breadcrumb" })).toHaveLength(0);
  });

  it("links the feeds and the sitemap from the footer", () => {
    const footer = pageAt("index.html").one("footer", { class: "site-footer" });
    const hrefs = pageAt("index.html").all("a", {}, footer).map((a) => a.attribs["href"]);
    expect(hrefs).toEqual(expect.arrayContaining(["/news/feed.xml", "/news/atom.xml", "/news/feed.json", "/news/sitemap.xml"]));
  });

  it("uses JavaScript on the search page only", () => {
    for (const file of htmlFiles.filter((f) => f !== "search/index.html")) {
      const scripts = new HtmlPage(readOutput(dir, file)).all("script");
      expect(scripts.every((s) => s.attribs["type"] === "application/ld+json"), file).toBe(true);
    }
  });

  it("loads Pagefind's UI on the search page from under the path prefix", () => {
    const search = pageAt("search/index.html");
    expect(search.one("link", { rel: "stylesheet", href: "/news/pagefind/pagefind-ui.css" })).toBeDefined();
    expect(search.one("script", { src: "/news/pagefind/pagefind-ui.js" })).toBeDefined();
    expect(search.all("div", { id: "search" })).toHaveLength(1);
    const inline = search.all("script").map(textOf).find((code) => code.includes("new PagefindUI"))!;
    expect(inline).toContain('element: "#search"');
    // Result URLs from the index already carry the prefix, so Pagefind must not add it again.
    expect(inline).toContain('baseUrl: "/"');
    expect(inline).toContain('bundlePath: "/news/pagefind/"');
    const fallback = textOf(search.one("noscript"));
    expect(fallback).toContain("Search needs JavaScript");
  });

  it("keeps the search page and the 404 page out of search engines", () => {
    expect(pageAt("search/index.html").meta("robots")).toBe("noindex");
    expect(pageAt("404.html").meta("robots")).toBe("noindex");
    expect(pageAt("index.html").meta("robots")).toBeUndefined();
    expect(pageAt(ARTICLE).meta("robots")).toBeUndefined();
  });

  it("helps readers on from the 404 page with links that work at any depth", () => {
    const notFound = pageAt("404.html");
    expect(notFound.all("h1").map(textOf)).toEqual(["Page not found"]);
    const main = notFound.one("main");
    expect(notFound.all("a", {}, main).map((a) => a.attribs["href"])).toEqual(["/news/", "/news/topics/", "/news/providers/", "/news/search/"]);
  });

  it("prefixes every site-relative link and image on every page", () => {
    for (const file of htmlFiles) {
      const page = new HtmlPage(readOutput(dir, file));
      const urls = [...page.all("a"), ...page.all("link"), ...page.all("img"), ...page.all("script")].map((el) => el.attribs["href"] ?? el.attribs["src"] ?? "");
      const unprefixed = urls.filter((url) => url.startsWith("/") && !url.startsWith("/news/"));
      expect(unprefixed, file).toEqual([]);
    }
  });

  it("publishes the provider logos from public/ verbatim", () => {
    expect(pageAt(ARTICLE).one("img", { class: "provider-logo" }).attribs["src"]).toBe("/news/assets/logos/harbour-times.svg");
    expect(existsSync(join(dir, "dist", "assets/logos/harbour-times.svg"))).toBe(true);
  });

  it("never repeats an id on a page and has one h1 on every page", () => {
    for (const file of htmlFiles) {
      const page = new HtmlPage(readOutput(dir, file));
      const ids = page.all("*", { id: true }).map((el) => el.attribs["id"]);
      expect(new Set(ids).size, file).toBe(ids.length);
      expect(page.all("h1"), file).toHaveLength(1);
    }
  });
});
