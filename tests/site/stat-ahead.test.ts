import { join } from "node:path";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { statHere } from "../../src/build/stat-ahead.ts";
import { stateFolder } from "../../src/output/build-state.ts";
import type { BuildStamp } from "../../src/output/build-stamp.ts";
import { documentText, fullBuildOfCopy, makeTempDir, runBuild, storyFields, treeDifferences, writeContent } from "../helpers/fixtures.ts";

/** Every build of a site of any size whose folders changed stats its documents on a thread of their own, reading the state meanwhile. */
const STAT_AHEAD = { BROADSHEET_STAT_AHEAD_FROM: "0" };

function story(i: number): string {
  return documentText(storyFields({ title: `Story number ${i}`, publishedDateTime: `2026-02-${String(i).padStart(2, "0")}T08:00:00Z`, originalUrl: `https://outlet.example/${i}`, webUrl: `https://outlet.example/${i}` }));
}

describe("a build that stats its documents on a thread of their own", () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
    writeFileSync(join(dir, "broadsheet.config.json"), "{}");
    writeContent(dir, { "story-1.md": story(1), "posts/story-2.md": story(2) });
    expect(runBuild(dir, [], STAT_AHEAD).status).toBe(0);
  });

  it("writes nothing when nothing changed", () => {
    const run = runBuild(dir, [], STAT_AHEAD);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Pages\s+0 written/);
  });

  it("adds a new document's story in a new folder, read ahead, as a full build of the same documents does", () => {
    writeContent(dir, { "posts/deeper/story-3.md": story(3) });
    const run = runBuild(dir, [], STAT_AHEAD);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Documents\s+3 read \(1 parsed\)/);
    const full = fullBuildOfCopy(dir);
    expect(treeDifferences(join(dir, "dist"), full.dist)).toEqual([]);
  });

  it("writes nothing after a document was added and removed again, and records the folders' new times for the next build", () => {
    const stampOf = () => JSON.parse(readFileSync(`${stateFolder(join(dir, ".cache"), join(dir, "dist"))}.stamp`, "utf8")) as BuildStamp;
    const before = stampOf();
    writeContent(dir, { "posts/passing.md": story(3) });
    rmSync(join(dir, "content", "posts", "passing.md"));
    const run = runBuild(dir, [], STAT_AHEAD);
    expect(run.stdout).toMatch(/Pages\s+0 written/);
    const after = stampOf();
    expect(after.folders).toEqual(statHere(join(dir, "content")).folders);
    expect(after.folders).not.toEqual(before.folders);
    expect({ ...after, folders: undefined }).toEqual({ ...before, folders: undefined });
  });

  it("corrects a document in place, read after the stat as no folder changed, as a full build of the same documents does", () => {
    writeContent(dir, { "posts/story-2.md": story(2).replace("Story number 2", "Story number two") });
    const run = runBuild(dir, [], STAT_AHEAD);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Documents\s+2 read \(1 parsed\)/);
    expect(treeDifferences(join(dir, "dist"), fullBuildOfCopy(dir).dist)).toEqual([]);
  });

  it("reports a content folder that is gone as a build on one thread does", () => {
    rmSync(join(dir, "content"), { recursive: true });
    const ahead = runBuild(dir, [], STAT_AHEAD);
    expect(ahead.status).not.toBe(0);
    expect(ahead.stderr).toMatch(/the content folder .*content does not exist/);
    expect(ahead.stderr).toBe(runBuild(dir).stderr);
  });
});
