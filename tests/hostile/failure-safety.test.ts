import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentText, listFiles, makeTempDir, PROJECT_ROOT, runBuild, storyFields, writeContent, type CliRun } from "../helpers/fixtures.ts";
import { snapshot, startBuild, waitFor, type BuildExit } from "./cli.ts";

/** What a build may leave beside the output while it runs: never afterwards. */
const LEFTOVERS = [".dist.staging", ".dist.staging.interrupted", ".dist.backup", ".dist.journal.json"];
const leftovers = (dir: string) => LEFTOVERS.filter((name) => existsSync(join(dir, name)));

const story = (n: number, overrides: Record<string, unknown> = {}) =>
  storyFields({
    title: `Harbour Story Number ${n}`,
    originalUrl: `https://harbourtimes.example/story-${n}`,
    webUrl: undefined,
    publishedDateTime: new Date(Date.UTC(2024, 0, 1) + n * 3_600_000 * 5).toISOString().replace(".000", ""),
    topics: [`Topic ${n % 40}`, "Harbour"],
    provider: { name: `Provider ${n % 15}`, domain: `provider-${n % 15}.example` },
    ...overrides,
  });

function mustSucceed(run: CliRun): CliRun {
  if (run.status !== 0) throw new Error(`build failed (${run.status}):\n${run.stderr}`);
  return run;
}

const BIG = 2000;
/** The big build parses on a worker thread and writes on a thread of its own, as a big site's build does. */
const PARALLEL = { BROADSHEET_WORKERS: "1", BROADSHEET_PARALLEL_FROM: "1000" };

describe("a build that is killed or interrupted part-way", () => {
  const dir = makeTempDir("broadsheet-interrupt-");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const staging = join(dir, ".dist.staging");
  let published: Record<string, string>;
  let killed: BuildExit;
  let killedDist: Record<string, string>;
  let leftAfterKill: string[];
  const interrupted: Record<string, { run: BuildExit; dist: Record<string, string>; left: string[] }> = {};
  let next: CliRun;

  /** Starts a build of the big folder, sends `signal` once it is writing pages into staging, and waits for it to end. */
  async function interrupt(signal: NodeJS.Signals) {
    const build = startBuild(dir, [], PARALLEL);
    // A killed build leaves its staging folder; the next one clears it before it starts its own.
    await waitFor(() => !existsSync(staging), 120_000);
    // Article pages live under their year: once one is there, the build is writing pages.
    await waitFor(() => existsSync(staging) && readdirSync(staging).some((name) => /^\d{4}$/.test(name)), 120_000);
    build.kill(signal);
    return build.exited;
  }

  beforeAll(async () => {
    writeContent(dir, Object.fromEntries([1, 2, 3].map((n) => [`small/${n}.md`, documentText(story(n))])));
    mustSucceed(runBuild(dir));
    published = snapshot(join(dir, "dist"));

    // Big enough that rendering takes seconds, on worker threads, so the signals land while
    // several threads are writing pages.
    writeContent(dir, Object.fromEntries(Array.from({ length: BIG }, (_, n) => [`big/${String(n).padStart(4, "0")}.md`, documentText(story(n + 10))])));
    killed = await interrupt("SIGKILL");
    killedDist = snapshot(join(dir, "dist"));
    leftAfterKill = leftovers(dir);
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      const run = await interrupt(signal);
      interrupted[signal] = { run, dist: snapshot(join(dir, "dist")), left: leftovers(dir) };
    }
    next = runBuild(dir);
  }, 300_000);

  it("SIGKILL stops the build before it publishes", () => {
    expect(killed.signal).toBe("SIGKILL");
  });

  it("SIGKILL leaves the published site byte for byte as it was", () => {
    expect(killedDist).toEqual(published);
  });

  it("SIGKILL leaves its half-written files only in the staging folder beside the output", () => {
    expect(leftAfterKill).toEqual([".dist.staging"]);
  });

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ])("%s exits with status %i and says nothing was published", (signal, status) => {
    const { run } = interrupted[signal]!;
    expect(run.status).toBe(status);
    expect(run.stderr).toContain(`Interrupted (${signal}): nothing was published; ${join(dir, "dist")}/ is unchanged.`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it.each(["SIGINT", "SIGTERM"])("%s leaves the published site byte for byte as it was", (signal) => {
    expect(interrupted[signal]!.dist).toEqual(published);
  });

  it.each(["SIGINT", "SIGTERM"])("%s removes its staging folder", (signal) => {
    expect(interrupted[signal]!.left).toEqual([]);
  });

  it("the next build succeeds, publishes every document and leaves nothing beside the output", () => {
    expect(next.status).toBe(0);
    expect(next.stdout).toContain(`${BIG + 3} read`);
    expect(existsSync(join(dir, "dist", "topics", "topic-39", "index.html"))).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("a build that crashes, or follows one that died while publishing", () => {
  const dir = makeTempDir("broadsheet-recover-");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const dist = join(dir, "dist");
  let published: Record<string, string>;
  let crashed: CliRun;
  let afterCrash: Record<string, string>;
  let leftAfterCrash: string[];
  let afterSwapCrash: { run: CliRun; dist: Record<string, string>; left: string[] };
  let afterMoveCrash: { run: CliRun; dist: Record<string, string>; left: string[] };
  let tampered: CliRun;
  const invalid = { "broken.md": "---\ntitle: [unclosed\n---\n" };

  beforeAll(() => {
    writeContent(dir, Object.fromEntries([1, 2, 3].map((n) => [`${n}.md`, documentText(story(n))])));
    mustSucceed(runBuild(dir));
    published = snapshot(dist);

    // A layout that fails while pages are being rendered: a crash in the middle of a build.
    const layouts = join(dir, "broken-layouts");
    cpSync(join(PROJECT_ROOT, "layouts"), layouts, { recursive: true });
    writeFileSync(join(layouts, "article.njk"), `${readFileSync(join(layouts, "article.njk"), "utf8")}{{ view.title | noSuchFilter }}`);
    writeFileSync(join(dir, "crash.config.json"), JSON.stringify({ layoutsDir: layouts }));
    crashed = runBuild(dir, ["--config", join(dir, "crash.config.json")]);
    afterCrash = snapshot(dist);
    leftAfterCrash = leftovers(dir);

    // A build that died between the two renames of a full build's swap: the old site is in the backup.
    renameSync(dist, join(dir, ".dist.backup"));
    mkdirSync(join(dir, ".dist.staging", "2026"), { recursive: true });
    writeFileSync(join(dir, ".dist.staging", "2026", "half.html"), "<!DOCTYPE html><p>half");
    writeFileSync(join(dir, ".dist.journal.json"), JSON.stringify({ kind: "swap", paths: [], created: [] }));
    writeContent(dir, invalid);
    const swapRun = runBuild(dir);
    afterSwapCrash = { run: swapRun, dist: snapshot(dist), left: leftovers(dir) };

    // A build that died while moving an incremental build's files into place: one replaced, one added.
    const replaced = "index.html";
    const added = "2026/11/24/new-story/index.html";
    mkdirSync(join(dir, ".dist.backup"), { recursive: true });
    renameSync(join(dist, replaced), join(dir, ".dist.backup", replaced));
    writeFileSync(join(dist, replaced), "<!DOCTYPE html><p>half-writ");
    mkdirSync(dirname(join(dist, added)), { recursive: true });
    writeFileSync(join(dist, added), "<!DOCTYPE html><p>new");
    writeFileSync(join(dir, ".dist.journal.json"), JSON.stringify({ kind: "moves", paths: [replaced, added], created: [added] }));
    const moveRun = runBuild(dir);
    afterMoveCrash = { run: moveRun, dist: snapshot(dist), left: leftovers(dir) };

    // A journal that names a file outside the output, as if tampered with: rolling it back would delete it.
    writeFileSync(join(dir, "victim.txt"), "keep me");
    writeFileSync(join(dir, ".dist.journal.json"), JSON.stringify({ kind: "moves", paths: ["../victim.txt"], created: ["../victim.txt"] }));
    tampered = runBuild(dir);
    rmSync(join(dir, ".dist.journal.json"));
  });

  it("a crash while rendering fails the build", () => {
    expect(crashed.status).not.toBe(0);
    expect(crashed.stderr).toContain("noSuchFilter");
  });

  it("a crash while rendering leaves the published site byte for byte as it was, and no staging folder", () => {
    expect(afterCrash).toEqual(published);
    expect(leftAfterCrash).toEqual([]);
  });

  it("the next build puts back the site a build left half-swapped, even when it fails on content", () => {
    expect(afterSwapCrash.run.status).toBe(1);
    expect(afterSwapCrash.run.stderr).toContain("broken.md → (file): malformed YAML");
    expect(afterSwapCrash.dist).toEqual(published);
    expect(afterSwapCrash.left).toEqual([]);
  });

  it("the next build rolls back the files a build left half-moved", () => {
    expect(afterMoveCrash.run.status).toBe(1);
    expect(afterMoveCrash.dist).toEqual(published);
    expect(afterMoveCrash.left).toEqual([]);
  });

  it("a journal naming a path outside the output is refused, and nothing outside is touched", () => {
    expect(tampered.status).not.toBe(0);
    expect(tampered.stderr).toContain('Refusing to touch "../victim.txt": it is not inside the output folder');
    expect(readFileSync(join(dir, "victim.txt"), "utf8")).toBe("keep me");
    expect(snapshot(dist)).toEqual(published);
  });
});

describe("documents that leave the site", () => {
  const dir = makeTempDir("broadsheet-stale-");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const dist = join(dir, "dist");
  /** Files that name a story by its headline or link to its page. */
  const mentions = (title: string, slug: string) => listFiles(dist).filter((f) => [title, slug].some((text) => readFileSync(join(dist, f), "utf8").includes(text)));
  const leaving = story(2, { title: "Ferry Timetable Withdrawn", topics: ["Ferries"], provider: { name: "Ferry Gazette", domain: "ferrygazette.example" } });
  const invalidated = story(3, { title: "Tram Depot Expands" });
  let before: { deleted: string[]; invalidated: string[] };
  let afterDelete: CliRun;
  let deletedMentions: string[];
  let afterInvalid: CliRun;
  let invalidMentions: string[];

  beforeAll(() => {
    writeContent(dir, { "1.md": documentText(story(1)), "2.md": documentText(leaving), "3.md": documentText(invalidated) });
    mustSucceed(runBuild(dir));
    before = { deleted: mentions("Ferry Timetable Withdrawn", "ferry-timetable-withdrawn"), invalidated: mentions("Tram Depot Expands", "tram-depot-expands") };

    rmSync(join(dir, "content", "2.md"));
    afterDelete = runBuild(dir);
    deletedMentions = mentions("Ferry Timetable Withdrawn", "ferry-timetable-withdrawn");

    writeContent(dir, { "3.md": documentText({ ...invalidated, publishedDateTime: "2024-13-45" }) });
    afterInvalid = runBuild(dir, ["--skip-invalid"]);
    invalidMentions = mentions("Tram Depot Expands", "tram-depot-expands");
  });

  it("a story is on its page, lists, feeds and sitemap before it leaves", () => {
    expect(before.deleted).toEqual(expect.arrayContaining(["2024/01/01/ferry-timetable-withdrawn/index.html", "topics/ferries/index.html", "providers/ferry-gazette/index.html", "feed.xml", "sitemap.xml"]));
    expect(before.invalidated.length).toBeGreaterThan(3);
  });

  it("a deleted document disappears from every file of the next build", () => {
    expect(afterDelete.status).toBe(0);
    expect(deletedMentions).toEqual([]);
  });

  it("a deleted document's topic and provider, which had no other story, disappear with it", () => {
    expect(existsSync(join(dist, "topics", "ferries"))).toBe(false);
    expect(existsSync(join(dist, "providers", "ferry-gazette"))).toBe(false);
  });

  it("a document that became invalid disappears from a --skip-invalid build", () => {
    expect(afterInvalid.status).toBe(0);
    expect(afterInvalid.stderr).toContain("Skipped 1 invalid document: 3.md");
    expect(invalidMentions).toEqual([]);
  });
});

describe("an output folder that holds the build's own inputs", () => {
  it("is refused before anything is written, and the documents stay", () => {
    const dir = makeTempDir();
    writeContent(dir, { "story.md": documentText(story(1)) });
    const run = runBuild(dir, ["--out", dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/holds the content folder/);
    expect(listFiles(dir)).toEqual(["content/story.md"]);
  });
});

