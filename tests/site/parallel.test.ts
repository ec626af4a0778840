import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { documentText, listFiles, makeTempDir, runBuild, storyFields, treeDifferences, writeContent } from "../helpers/fixtures.ts";

// Big builds parse and render on worker threads; these force that path on a small site and hold
// it to the single-threaded output, byte for byte.
const SINGLE = { BROADSHEET_WORKERS: "0" };
const PARALLEL = { BROADSHEET_WORKERS: "1", BROADSHEET_PARALLEL_FROM: "1" };
// Mid-sized builds: a worker helps parse and hands the articles back; this thread renders them all.
const HANDED_BACK = { BROADSHEET_WORKERS: "1", BROADSHEET_HANDED_BACK_FROM: "1" };

function corpus(): Record<string, string> {
  const documents: Record<string, string> = {};
  for (let i = 1; i <= 24; i += 1) {
    documents[`2026/story-${i}.md`] = documentText(
      storyFields({
        title: `Story number ${i}`,
        publishedDateTime: `2026-02-${String(i).padStart(2, "0")}T08:00:00Z`,
        originalUrl: `https://outlet.example/${i}`,
        webUrl: `https://outlet.example/${i}`,
        topics: [i % 2 === 0 ? "Even" : "Odd", i % 3 === 0 ? "Thirds" : "Others"],
        provider: { name: i % 4 === 0 ? "Quarterly Post" : "Daily Outlet", domain: "outlet.example" },
        related: i > 1 ? [{ title: `Story number ${i - 1}`, webUrl: `https://outlet.example/${i - 1}`, publishedDateTime: `2026-02-${String(i - 1).padStart(2, "0")}T08:00:00Z` }] : [],
      }),
      i % 5 === 0 ? `A body with **emphasis** for story ${i}.\n` : "",
    );
  }
  return documents;
}

function buildTwice(documents: Record<string, string>) {
  const single = makeTempDir();
  const parallel = makeTempDir();
  for (const dir of [single, parallel]) {
    writeContent(dir, documents);
    writeFileSync(join(dir, "broadsheet.config.json"), JSON.stringify({ pageSize: 5 }));
  }
  return { single, parallel };
}

describe("building on worker threads", () => {
  it("writes the same site as a build on one thread", () => {
    const { single, parallel } = buildTwice(corpus());
    expect(runBuild(single, [], SINGLE).status).toBe(0);
    const run = runBuild(parallel, [], PARALLEL);
    expect(run.status, run.stderr).toBe(0);
    expect(listFiles(join(parallel, "dist")).length).toBeGreaterThan(100);
    expect(treeDifferences(join(parallel, "dist"), join(single, "dist"))).toEqual([]);
  });

  it("after an edit, rebuilds on worker threads to what a single-threaded full build writes", () => {
    const documents = corpus();
    const { single, parallel } = buildTwice(documents);
    expect(runBuild(parallel, [], PARALLEL).status).toBe(0);
    // Renaming a topic re-renders unchanged stories that carry it, from documents read again.
    const edited = documentText(storyFields({ title: "Story number 6, revised", publishedDateTime: "2026-02-06T08:00:00Z", originalUrl: "https://outlet.example/6", webUrl: "https://outlet.example/6", topics: ["Even", "Thirds"] }));
    for (const dir of [single, parallel]) writeFileSync(join(dir, "content/2026/story-6.md"), edited);
    const run = runBuild(parallel, [], PARALLEL);
    expect(run.status, run.stderr).toBe(0);
    expect(runBuild(single, ["--full"], SINGLE).status).toBe(0);
    expect(treeDifferences(join(parallel, "dist"), join(single, "dist"))).toEqual([]);
    expect(readFileSync(join(parallel, "dist/2026/02/06/story-number-6-revised/index.html"), "utf8")).toContain("Story number 6, revised");
    // Story 7 is unchanged but names story 6 among its related items.
    expect(readFileSync(join(parallel, "dist/2026/02/07/story-number-7/index.html"), "utf8")).toContain('href="/2026/02/06/story-number-6-revised/"');
  });

  it.each([
    ["a worker that keeps the articles", PARALLEL],
    ["a worker that hands the articles back", HANDED_BACK],
  ])("reports a document's errors the same way from %s", (_, env) => {
    const documents = { ...corpus(), "broken.md": "---\ntitle: [unclosed\n---\n" };
    const { single, parallel } = buildTwice(documents);
    const one = runBuild(single, [], SINGLE);
    const many = runBuild(parallel, [], env);
    expect(many.status).toBe(1);
    expect(many.stderr.replaceAll(parallel, "DIR")).toBe(one.stderr.replaceAll(single, "DIR"));
    expect(many.stderr).toContain("broken.md");
  });

  it("writes the same site as a build on one thread when a worker parses and hands the articles back", () => {
    const { single, parallel } = buildTwice(corpus());
    expect(runBuild(single, [], SINGLE).status).toBe(0);
    const run = runBuild(parallel, [], HANDED_BACK);
    expect(run.status, run.stderr).toBe(0);
    expect(treeDifferences(join(parallel, "dist"), join(single, "dist"))).toEqual([]);
  });

  it("writes the same site from src/ through tsx as from the precompiled bundle, on worker threads too", () => {
    const { single: bundled, parallel: fromSource } = buildTwice(corpus());
    expect(runBuild(bundled, [], PARALLEL).status).toBe(0);
    const run = runBuild(fromSource, [], { ...PARALLEL, BROADSHEET_PRECOMPILED: "0" });
    expect(run.status, run.stderr).toBe(0);
    expect(treeDifferences(join(fromSource, "dist"), join(bundled, "dist"))).toEqual([]);
  });

  it("after an edit, a worker that loaded Eleventy ahead renders the changed pages to what a full build writes", () => {
    const documents = corpus();
    const { single, parallel } = buildTwice(documents);
    const oneWorker = { BROADSHEET_WORKERS: "1" }; // the default thresholds: only the render-ahead worker starts
    expect(runBuild(parallel, [], oneWorker).status).toBe(0);
    const edited = documentText(storyFields({ title: "Story number 9, revised", publishedDateTime: "2026-02-09T08:00:00Z", originalUrl: "https://outlet.example/9", webUrl: "https://outlet.example/9", topics: ["Odd", "Thirds"] }));
    for (const dir of [single, parallel]) writeFileSync(join(dir, "content/2026/story-9.md"), edited);
    const run = runBuild(parallel, [], oneWorker);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Pages\s+\d+ written/);
    expect(run.stdout).not.toContain("(full build)");
    expect(runBuild(single, ["--full"], SINGLE).status).toBe(0);
    expect(treeDifferences(join(parallel, "dist"), join(single, "dist"))).toEqual([]);
  });
});
