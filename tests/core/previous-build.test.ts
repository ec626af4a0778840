import { describe, expect, it } from "vitest";
import { keptOutputs, previousBuild } from "../../src/build/previous-build.ts";
import { OutputTable } from "../../src/output/output-table.ts";
import type { CachedDocument, CachedLoad, ContentCache } from "../../src/content/content-cache.ts";
import type { BuildState } from "../../src/output/build-state.ts";
import type { BuildStamp } from "../../src/output/build-stamp.ts";
import type { ArticleSummary } from "../../src/content/article.ts";
import { summary } from "../helpers/summaries.ts";

const STORY = summary({ sourcePath: "b.md", topics: ["Rail"] });
const entry = (size: number, story: ArticleSummary = summary()): CachedDocument => ({ size, mtimeMs: 1_700_000_000_000, summary: story });
const ONE = entry(1);
const TWO = entry(2, STORY);
const TERMS = new Map([["topic\0rail", "Rail\0topics/rail/"]]);
const state = (content: ContentCache): BuildState => ({ version: 7, sourceHash: "src", siteHash: "site", content, outputs: OutputTable.of(new Map()), terms: TERMS });
const stamp: BuildStamp = { settingsDigest: "settings", contentDigest: "c", now: "2026-11-24T12:00:00Z", quietUntil: "2026-11-25T08:00:00Z", nextDue: "2026-11-26T08:00:00Z", published: 2, excluded: {}, pagesPlanned: 10, skipped: [] };
const before = new Map([["a.md", ONE], ["b.md", TWO]]);
/** The documents `cache` as loadWithCache finds them after `previous`: those whose entries differ were parsed. */
const load = (cache: ContentCache, errors: CachedLoad["errors"] = [], previous: ContentCache = before): CachedLoad => {
  const parsed = [...cache].filter(([file, entry]) => previous.get(file) !== entry).map(([file]) => file);
  const gone = [...previous.keys()].filter((file) => !cache.has(file)).length;
  return { summaries: [], fresh: new Map(), errors, warnings: [], documentsRead: cache.size, documentsParsed: parsed.length, cache, parsed, gone };
};

describe("previousBuild", () => {

  it("gives the added documents and the previous terms when documents were only added", () => {
    const now = new Map([...before, ["c.md", entry(3)]]);
    expect(previousBuild(state(before), stamp, "settings", "2026-11-24T13:00:00Z", load(now))).toEqual({ added: new Set(["c.md"]), edited: new Set(), terms: TERMS });
  });

  it("gives the edited documents when an edit leaves each story where it was listed", () => {
    const now = new Map([["a.md", ONE], ["b.md", entry(22, { ...STORY, revision: "edited", excerpt: "Corrected.", title: "A new headline, the same address" })]]);
    expect(previousBuild(state(before), stamp, "settings", "2026-11-24T13:00:00Z", load(now))).toEqual({ added: new Set(), edited: new Set(["b.md"]), terms: TERMS });
  });

  it("counts a document that was invalid before as added", () => {
    const invalid: CachedDocument = { size: 2, mtimeMs: 1_700_000_000_000, errors: [{ file: "b.md", field: "title", reason: "missing" }] };
    const now = new Map([["a.md", ONE], ["b.md", TWO]]);
    const previous = new Map([["a.md", ONE], ["b.md", invalid]]);
    expect(previousBuild(state(previous), stamp, "settings", "2026-11-24T13:00:00Z", load(now, [], previous))).toEqual({ added: new Set(["b.md"]), edited: new Set(), terms: TERMS });
  });

  it("refuses when an edit moves a story: its address, time, terms or publication", () => {
    const edit = (change: Partial<ArticleSummary>) => previousBuild(state(before), stamp, "settings", "2026-11-24T13:00:00Z", load(new Map([["a.md", ONE], ["b.md", entry(22, { ...STORY, revision: "edited", ...change })]])));
    expect(edit({ topics: ["Rail", "Ferries"] })).toEqual({ reason: "the edit to b.md changes its topics" });
    expect(edit({ topics: ["rail"] })).toEqual({ reason: "the edit to b.md changes its topics" });
    expect(edit({ publishedDateTime: "2026-03-14T09:30:00Z" })).toEqual({ reason: "the edit to b.md changes its publication time" });
    expect(edit({ titleSlug: "another-headline" })).toEqual({ reason: "the edit to b.md changes its address" });
    expect(edit({ provider: { name: "Other Times" } })).toEqual({ reason: "the edit to b.md changes its provider" });
    expect(edit({ category: "sport" })).toEqual({ reason: "the edit to b.md changes its category" });
    expect(edit({ draft: true })).toEqual({ reason: "the edit to b.md changes its publication" });
    expect(edit({ readUrl: "https://outlet.example/moved" })).toEqual({ reason: "the edit to b.md changes its link" });
    expect(edit({ identity: "https://outlet.example/other" })).toEqual({ reason: "the edit to b.md changes its source URL" });
  });

  it("refuses when a document was removed or renamed", () => {
    const now = new Map([["a.md", ONE], ["renamed.md", TWO]]);
    expect(previousBuild(state(before), stamp, "settings", "2026-11-24T13:00:00Z", load(now))).toEqual({ reason: "documents were removed or renamed" });
  });

  it("counts a story that came due since as added, though its document is unchanged", () => {
    const due = entry(3, summary({ sourcePath: "c.md", publishedDateTime: "2026-11-26T07:00:00Z" }));
    const documents = new Map([...before, ["c.md", due]]);
    const withDue = { ...load(documents, [], documents), summaries: [ONE.summary!, TWO.summary!, due.summary!] };
    const dueStamp = { ...stamp, nextDue: "2026-11-26T07:00:00Z" };
    expect(previousBuild(state(documents), dueStamp, "settings", "2026-11-26T07:00:00Z", withDue)).toEqual({ added: new Set(["c.md"]), edited: new Set(), terms: TERMS });
    expect(previousBuild(state(documents), dueStamp, "settings", "2026-11-26T06:59:00Z", withDue)).toEqual({ added: new Set(), edited: new Set(), terms: TERMS });
    // Without the stamp's word for it, the stories are looked through: this one is not due yet.
    const { nextDue: _, ...older } = stamp;
    expect(previousBuild(state(documents), older as BuildStamp, "settings", "2026-11-26T06:59:00Z", withDue)).toEqual({ added: new Set(), edited: new Set(), terms: TERMS });
    expect(previousBuild(state(documents), older as BuildStamp, "settings", "2026-11-26T07:00:00Z", withDue)).toEqual({ added: new Set(["c.md"]), edited: new Set(), terms: TERMS });
    // Edited and come due: new on the site all the same.
    const edited = entry(33, { ...due.summary!, excerpt: "Corrected." });
    const after = { ...load(new Map([...before, ["c.md", edited]]), [], documents), summaries: [ONE.summary!, TWO.summary!, edited.summary!] };
    expect(previousBuild(state(documents), dueStamp, "settings", "2026-11-26T08:00:00Z", after)).toEqual({ added: new Set(["c.md"]), edited: new Set(), terms: TERMS });
    // Under --future it was on the site already: coming due puts it in the news sitemap only.
    expect(previousBuild(state(documents), dueStamp, "settings", "2026-11-26T08:00:00Z", withDue, true)).toEqual({ added: new Set(), edited: new Set(), terms: TERMS });
  });

  it("looks for stories that came due with the stamp of an older version, which does not say when one next does", () => {
    const { nextDue: _, ...older } = stamp;
    expect(previousBuild(state(before), older as BuildStamp, "settings", "2026-11-24T13:00:00Z", load(before))).toEqual({ added: new Set(), edited: new Set(), terms: TERMS });
  });

  it("refuses when the clock went back", () => {
    expect(previousBuild(state(before), stamp, "settings", "2026-11-24T11:00:00Z", load(before))).toEqual({ reason: "this build's now is before the previous build's" });
  });

  it("plans from the previous build after stories left the news sitemap, which every plan plans whole", () => {
    const now = new Map([...before, ["c.md", entry(3)]]);
    expect(previousBuild(state(before), stamp, "settings", "2026-11-25T09:00:00Z", load(now))).toEqual({ added: new Set(["c.md"]), edited: new Set(), terms: TERMS });
  });

  it("refuses without a stamp of the previous build, or with other flags", () => {
    expect(previousBuild(state(before), undefined, "settings", "2026-11-24T13:00:00Z", load(before))).toEqual({ reason: "the previous build did not finish, or had other flags" });
    expect(previousBuild(state(before), stamp, "other", "2026-11-24T13:00:00Z", load(before))).toEqual({ reason: "the previous build did not finish, or had other flags" });
  });

  it("refuses without a previous state, or while documents are invalid", () => {
    expect(previousBuild(undefined, stamp, "settings", "2026-11-24T13:00:00Z", load(before))).toMatchObject({ reason: expect.stringContaining("no previous build") });
    expect(previousBuild(state(before), stamp, "settings", "2026-11-24T13:00:00Z", load(before, [{ file: "b.md", field: "title", reason: "missing" }]))).toEqual({ reason: "some documents are invalid" });
  });
});

describe("keptOutputs", () => {
  it("keeps every page's fingerprint, takes those planned, and leaves out the search indexes and sitemaps not planned again", () => {
    const previous = OutputTable.of(new Map([["index.html", "a"], ["topics/rail/index.html", "b"], ["pagefind", "c"], ["pagefind-archive/2025", "d"], ["site.css", "e"], ["news-sitemap.xml", "f"], ["news-sitemap-2.xml", "g"], ["sitemap-articles-1.xml", "h"]]));
    const planned = new Map([["index.html", "A"], ["pagefind", "C"], ["2026/11/24/new/index.html", "n"], ["news-sitemap.xml", "F"], ["sitemap-articles-1.xml", "H"]]);
    const { table: kept, removed } = keptOutputs(previous, planned);
    expect(removed).toEqual(["news-sitemap-2.xml", "pagefind-archive/2025"]);
    const entries: [string, string][] = [];
    kept.forEach((path, fingerprint) => entries.push([path, fingerprint]));
    expect(entries).toEqual([
      ["2026/11/24/new/index.html", "n"],
      ["index.html", "A"],
      ["news-sitemap.xml", "F"],
      ["pagefind", "C"],
      ["site.css", "e"],
      ["sitemap-articles-1.xml", "H"],
      ["topics/rail/index.html", "b"],
    ]);
    expect(previous.get("index.html")).toBe("a");
  });
});
