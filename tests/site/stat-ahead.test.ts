import { join } from "node:path";
import { rmSync, writeFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { documentText, fullBuildOfCopy, makeTempDir, runBuild, storyFields, treeDifferences, writeContent } from "../helpers/fixtures.ts";

/** Every build of a site of any size stats its documents on a thread of their own, reading the state meanwhile. */
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

  it("adds a new document's story, as a full build of the same documents does", () => {
    writeContent(dir, { "posts/deeper/story-3.md": story(3) });
    const run = runBuild(dir, [], STAT_AHEAD);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Documents\s+3 read \(1 parsed\)/);
    const full = fullBuildOfCopy(dir);
    expect(treeDifferences(join(dir, "dist"), full.dist)).toEqual([]);
  });

  it("reports a content folder that is gone as a build on one thread does", () => {
    rmSync(join(dir, "content"), { recursive: true });
    const ahead = runBuild(dir, [], STAT_AHEAD);
    expect(ahead.status).not.toBe(0);
    expect(ahead.stderr).toMatch(/the content folder .*content does not exist/);
    expect(ahead.stderr).toBe(runBuild(dir).stderr);
  });
});
