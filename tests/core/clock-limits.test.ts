import { describe, expect, it } from "vitest";
import { clockLimits } from "../../src/build/plan-site.ts";
import { isSitemapFile } from "../../src/site/sitemaps.ts";
import { summary } from "../helpers/summaries.ts";

const NOW = "2026-11-24T12:00:00Z";
const at = (publishedDateTime: string) => summary({ publishedDateTime });

describe("clockLimits", () => {
  it("is quiet until the first story leaves the news sitemap's 48 hours, and a story next comes due later", () => {
    const limits = clockLimits([at("2026-11-23T09:00:00Z"), at("2026-11-22T20:00:00Z"), at("2026-11-25T06:00:00Z")], NOW);
    expect(limits).toEqual({ quietUntil: "2026-11-24T20:00:00.000Z", nextDue: "2026-11-25T06:00:00.000Z" });
  });

  it("is quiet until a scheduled story comes due, when that is first", () => {
    expect(clockLimits([at("2026-11-24T11:00:00Z"), at("2026-11-24T13:30:00Z")], NOW)).toEqual({ quietUntil: "2026-11-24T13:30:00.000Z", nextDue: "2026-11-24T13:30:00.000Z" });
  });

  it("has no limit when nothing is scheduled and every story has left the news sitemap", () => {
    expect(clockLimits([at("2025-01-01T00:00:00Z")], NOW)).toEqual({ quietUntil: "9999-12-31T23:59:59.999Z", nextDue: "9999-12-31T23:59:59.999Z" });
  });
});

describe("isSitemapFile", () => {
  it("knows the sitemaps, the news sitemaps and their parts, and nothing else", () => {
    for (const path of ["sitemap.xml", "news-sitemap.xml", "sitemap-articles-3.xml", "sitemap-pages-1.xml", "news-sitemap-2.xml"]) expect(isSitemapFile(path), path).toBe(true);
    for (const path of ["feed.xml", "topics/sitemap/feed.xml", "sitemap/index.html", "2026/11/24/sitemap-xml/index.html", "robots.txt"]) expect(isSitemapFile(path), path).toBe(false);
  });
});
