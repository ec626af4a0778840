import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { sourceDigest } from "../../src/build/code-digest.ts";
import { readState, stateFolder, writeState } from "../../src/output/build-state.ts";
import { documentText, fullBuildOfCopy, listFiles, makeTempDir, readOutput, runBuild, storyFields, treeDifferences, writeContent } from "../helpers/fixtures.ts";

/** Story `i` of the corpus, with any fields changed. */
function story(i: number, changes: Record<string, unknown> = {}): string {
  return documentText(
    storyFields({
      title: `Story number ${i}`,
      publishedDateTime: `2026-02-${String(i).padStart(2, "0")}T08:00:00Z`,
      originalUrl: `https://outlet.example/${i}`,
      webUrl: `https://outlet.example/${i}`,
      topics: i % 2 === 0 ? ["Even", "Numbers"] : ["Odd", "Numbers"],
      ...changes,
    }),
  );
}

/** A dozen stories over a few topics, enough for paginated lists with a page size of 5. */
function corpus(): Record<string, string> {
  const documents: Record<string, string> = {};
  for (let i = 1; i <= 12; i += 1) documents[`story-${i}.md`] = story(i);
  return documents;
}

const PAGE_SIZE = JSON.stringify({ pageSize: 5 });

function snapshot(dist: string): Map<string, { mtimeMs: number; bytes: Buffer }> {
  return new Map(listFiles(dist).map((f) => [f, { mtimeMs: statSync(join(dist, f)).mtimeMs, bytes: readFileSync(join(dist, f)) }]));
}

function rewritten(before: Map<string, { mtimeMs: number }>, after: Map<string, { mtimeMs: number }>): string[] {
  return [...after].filter(([f, s]) => before.get(f)?.mtimeMs !== s.mtimeMs).map(([f]) => f).sort();
}

describe("incremental builds", () => {
  let dir: string;
  let dist: string;
  beforeEach(() => {
    dir = makeTempDir();
    dist = join(dir, "dist");
    writeContent(dir, corpus());
    writeFileSync(join(dir, "broadsheet.config.json"), PAGE_SIZE);
    expect(runBuild(dir).status).toBe(0);
  });

  it("parses every document again when the cached summaries were made by other code", async () => {
    const folder = stateFolder(join(dir, ".cache"), dist);
    const state = (await readState(folder, sourceDigest()))!;
    const stale = new Map([...state.content].map(([file, entry]) => [file, { ...entry, summary: entry.summary && { ...entry.summary, title: "Stale title" } }]));
    await writeState(folder, { ...state, sourceHash: "older code", siteHash: "older site", content: stale });
    rmSync(`${folder}.stamp`);
    const run = runBuild(dir);
    expect(run.stdout).toMatch(/Documents\s+12 read \(12 parsed\)/);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toContain("Story number 12");
    expect(readFileSync(join(dist, "index.html"), "utf8")).not.toContain("Stale title");
  });

  it("writes nothing when nothing changed", () => {
    const before = snapshot(dist);
    const run = runBuild(dir);
    expect(run.stdout).toMatch(/Documents\s+12 read \(0 parsed\)/);
    expect(run.stdout).toMatch(/Pages\s+0 written, 0 deleted/);
    expect(rewritten(before, snapshot(dist))).toEqual([]);
  });

  it("after a new story, plans and rewrites only the pages that show it", () => {
    const before = snapshot(dist);
    writeContent(dir, { "new.md": documentText(storyFields({ title: "Brand new story", publishedDateTime: "2026-02-20T08:00:00Z", originalUrl: "https://outlet.example/new", topics: ["Odd"] })) });
    const run = runBuild(dir, [], { BROADSHEET_TIMINGS: "1" });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Planner\s+delta/);
    const changed = rewritten(before, snapshot(dist));
    expect(changed).toContain("2026/02/20/brand-new-story/index.html");
    expect(changed).toContain("index.html");
    expect(changed).toContain("topics/odd/index.html");
    expect(changed).toContain("feed.xml");
    // Full archive pages and lists the story is not on stay as they were.
    expect(changed).not.toContain("page/1/index.html");
    expect(changed).not.toContain("topics/odd/page/1/index.html");
    expect(changed).not.toContain("2026/02/page/1/index.html");
    expect(changed).not.toContain("topics/even/index.html");
    expect(changed).not.toContain("2026/02/01/story-number-1/index.html");
    expect(run.stdout).toMatch(new RegExp(`Pages\\s+${changed.length} written, 0 deleted`));
  });

  it("after an edit, rewrites the story's page and the lists that show it, not the other stories", () => {
    const before = snapshot(dist);
    writeContent(dir, { "story-3.md": corpus()["story-3.md"]!.replace("Story number 3", "Story number three, corrected") });
    const run = runBuild(dir, [], { BROADSHEET_TIMINGS: "1" });
    expect(run.status).toBe(0);
    // A new headline is a new address: the story moves, so every page is planned.
    expect(run.stdout).toMatch(/Planner\s+full: the edit to story-3\.md changes its address/);
    const changed = rewritten(before, snapshot(dist));
    expect(changed).toContain("2026/02/03/story-number-three-corrected/index.html");
    expect(changed).toContain("topics/odd/page/1/index.html");
    expect(changed).not.toContain("2026/02/04/story-number-4/index.html");
    expect(changed).not.toContain("topics/even/index.html");
    expect(listFiles(dist)).not.toContain("2026/02/03/story-number-3/index.html");
  });

  it("after a correction to a story's excerpt, plans and rewrites only the pages that show the story", () => {
    const before = snapshot(dist);
    writeContent(dir, { "story-3.md": story(3, { excerpt: "Corrected: the ferry runs until eleven." }) });
    const run = runBuild(dir, [], { BROADSHEET_TIMINGS: "1" });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Planner\s+delta/);
    const changed = rewritten(before, snapshot(dist));
    expect(readFileSync(join(dist, "2026/02/03/story-number-3/index.html"), "utf8")).toContain("Corrected: the ferry runs until eleven.");
    // Story 3 is the tenth newest of 12: on the first archive page of the home page, and of its topics.
    expect(changed).toContain("2026/02/03/story-number-3/index.html");
    expect(changed).toContain("page/1/index.html");
    expect(changed).toContain("topics/odd/page/1/index.html");
    expect(changed).toContain("topics/numbers/page/1/index.html");
    expect(changed).not.toContain("index.html");
    expect(changed).not.toContain("topics/even/page/1/index.html");
    expect(changed).not.toContain("2026/02/04/story-number-4/index.html");
    const full = fullBuildOfCopy(dir);
    expect(full.status, full.stderr).toBe(0);
    expect(treeDifferences(dist, full.dist)).toEqual([]);
  });

  it("rewrites a story's page when a story it lists as related arrives, to link to our page for it", () => {
    const related = [{ title: "Coming soon", webUrl: "https://outlet.example/coming" }];
    writeContent(dir, { "story-4.md": story(4, { related }) });
    expect(runBuild(dir).status).toBe(0);
    const storyPage = "2026/02/04/story-number-4/index.html";
    expect(readFileSync(join(dist, storyPage), "utf8")).not.toContain("/2026/02/22/the-coming-story/");
    const before = snapshot(dist);
    writeContent(dir, { "coming.md": documentText(storyFields({ title: "The coming story", publishedDateTime: "2026-02-22T08:00:00Z", originalUrl: "https://outlet.example/coming", webUrl: "https://outlet.example/coming" })) });
    expect(runBuild(dir).status).toBe(0);
    expect(rewritten(before, snapshot(dist))).toContain(storyPage);
    expect(readFileSync(join(dist, storyPage), "utf8")).toContain("/2026/02/22/the-coming-story/");
  });

  it("rewrites the pages of a topic's stories when most of its stories come to spell it differently", () => {
    const storyPage = "2026/02/01/story-number-1/index.html";
    const before = snapshot(dist);
    const shouting: Record<string, string> = {};
    for (let i = 1; i <= 7; i += 1) {
      shouting[`loud-${i}.md`] = documentText(storyFields({ title: `Loud story ${i}`, publishedDateTime: `2026-03-0${i}T08:00:00Z`, originalUrl: `https://outlet.example/loud-${i}`, topics: ["ODD"] }));
    }
    writeContent(dir, shouting);
    expect(runBuild(dir).status).toBe(0);
    expect(rewritten(before, snapshot(dist))).toContain(storyPage);
    expect(readFileSync(join(dist, storyPage), "utf8")).toContain(">ODD<");
  });

  it("removes the pages of a deleted document", () => {
    rmSync(join(dir, "content", "story-12.md"));
    expect(runBuild(dir).status).toBe(0);
    const files = listFiles(dist);
    expect(files).not.toContain("2026/02/12/story-number-12/index.html");
    expect(files).not.toContain("2026/02/12/index.html");
    expect(readFileSync(join(dist, "index.html"), "utf8")).not.toContain("Story number 12");
  });

  it("gives byte-identical results to a full build of the same content", () => {
    writeContent(dir, { "new.md": documentText(storyFields({ title: "Late addition", publishedDateTime: "2026-02-21T08:00:00Z", originalUrl: "https://outlet.example/late", topics: ["Even"] })) });
    rmSync(join(dir, "content", "story-1.md"));
    writeContent(dir, { "story-5.md": corpus()["story-5.md"]!.replace("Odd", "Prime") });
    expect(runBuild(dir).status).toBe(0);

    const full = fullBuildOfCopy(dir);
    expect(full.status).toBe(0);
    expect(treeDifferences(dist, full.dist)).toEqual([]);
  });
});

describe("builds with nothing changed but the clock", () => {
  it("publish a scheduled story once its time has come", () => {
    const dir = makeTempDir();
    writeContent(dir, { "later.md": documentText(storyFields({ title: "Scheduled story", publishedDateTime: "2026-11-25T06:00:00Z" })) });
    expect(runBuild(dir).stdout).toMatch(/excluded: 1 scheduled/);
    const next = runBuild(dir, ["--now", "2026-11-25T07:00:00Z"]);
    expect(next.status).toBe(0);
    expect(next.stdout).toMatch(/1 published/);
    expect(listFiles(join(dir, "dist"))).toContain("2026/11/25/scheduled-story/index.html");
  });

  it("drop a story from the news sitemap 48 hours after it was published", () => {
    const dir = makeTempDir();
    writeContent(dir, { "fresh.md": documentText(storyFields({ title: "Fresh story", publishedDateTime: "2026-11-24T10:00:00Z" })) });
    runBuild(dir);
    expect(readFileSync(join(dir, "dist", "news-sitemap.xml"), "utf8")).toContain("fresh-story");
    runBuild(dir, ["--now", "2026-11-26T11:00:00Z"]);
    expect(readFileSync(join(dir, "dist", "news-sitemap.xml"), "utf8")).not.toContain("fresh-story");
  });
});

/**
 * Builds `dir` again at `now`, hours after the last build: the delta planner must plan it, and it
 * must write what a full build of the same content at `now` writes.
 */
function buildLaterAsFull(dir: string, now: string): void {
  const later = ["--now", now];
  const run = runBuild(dir, later, { BROADSHEET_TIMINGS: "1" });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/Planner\s+delta/);
  const full = fullBuildOfCopy(dir, later);
  expect(full.status, full.stderr).toBe(0);
  expect(treeDifferences(join(dir, "dist"), full.dist)).toEqual([]);
}

describe("a build hours after the last, with a new story", () => {
  it("plans only what the story changes though another left the news sitemap meanwhile, and writes what a full build writes", () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, "broadsheet.config.json"), PAGE_SIZE);
    const documents = corpus();
    documents["fresh.md"] = documentText(storyFields({ title: "Fresh story", publishedDateTime: "2026-11-24T10:00:00Z", originalUrl: "https://outlet.example/fresh" }));
    writeContent(dir, documents);
    expect(runBuild(dir).status).toBe(0);
    expect(readOutput(dir, "news-sitemap.xml")).toContain("fresh-story");

    writeContent(dir, { "later.md": documentText(storyFields({ title: "Later story", publishedDateTime: "2026-11-26T09:00:00Z", originalUrl: "https://outlet.example/later", topics: ["Odd"] })) });
    buildLaterAsFull(dir, "2026-11-26T11:00:00Z");
    expect(readOutput(dir, "news-sitemap.xml")).toContain("later-story");
    expect(readOutput(dir, "news-sitemap.xml")).not.toContain("fresh-story");
  });
});

describe("a scheduled story that comes due", () => {
  it("is planned as a new story by the delta planner, and the build writes what a full build writes", () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, "broadsheet.config.json"), PAGE_SIZE);
    writeContent(dir, { ...corpus(), "scheduled.md": documentText(storyFields({ title: "Scheduled story", publishedDateTime: "2026-11-25T06:00:00Z", originalUrl: "https://outlet.example/scheduled", topics: ["Even"] })) });
    expect(runBuild(dir).stdout).toMatch(/excluded: 1 scheduled/);

    buildLaterAsFull(dir, "2026-11-25T07:00:00Z");
    expect(readOutput(dir, "topics/even/index.html")).toContain("Scheduled story");
  });
});

describe("a news sitemap that needs fewer files as time passes", () => {
  it("loses its second file in a build planned by the delta planner, as in a full build", () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, "broadsheet.config.json"), "{}");
    // 1,005 stories from the last 48 hours: two news sitemap files of at most 1,000.
    const documents: Record<string, string> = {};
    for (let i = 0; i < 1005; i += 1) {
      const publishedDateTime = new Date(Date.parse("2026-11-22T13:00:00Z") + i * 60_000).toISOString();
      documents[`recent-${i}.md`] = documentText(storyFields({ title: `Recent story ${i}`, publishedDateTime, originalUrl: `https://outlet.example/recent-${i}`, webUrl: `https://outlet.example/recent-${i}` }));
    }
    writeContent(dir, documents);
    expect(runBuild(dir).status).toBe(0);
    expect(listFiles(join(dir, "dist")).filter((f) => f.startsWith("news-sitemap"))).toEqual(["news-sitemap-1.xml", "news-sitemap-2.xml", "news-sitemap.xml"]);

    // Two hours on, the 60 oldest have left the window: 946 with the new story, one file.
    writeContent(dir, { "later.md": documentText(storyFields({ title: "Later story", publishedDateTime: "2026-11-24T13:30:00Z", originalUrl: "https://outlet.example/later" })) });
    buildLaterAsFull(dir, "2026-11-24T14:00:00Z");
    expect(listFiles(join(dir, "dist")).filter((f) => f.startsWith("news-sitemap"))).toEqual(["news-sitemap.xml"]);
  });
});

describe("an unchanged build after --skip-invalid", () => {
  it("still names the documents it leaves out", () => {
    const dir = makeTempDir();
    writeContent(dir, { "good.md": documentText(storyFields()), "bad.md": documentText(storyFields({ title: "", originalUrl: "https://outlet.example/bad" })) });
    expect(runBuild(dir, ["--skip-invalid"]).stderr).toContain("Skipped 1 invalid document: bad.md");
    const again = runBuild(dir, ["--skip-invalid"]);
    expect(again.stdout).toMatch(/Pages\s+0 written/);
    expect(again.stderr).toContain("Skipped 1 invalid document: bad.md");
  });
});
