import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { documentText, makeTempDir, runBuild, storyFields, writeContent, type CliRun } from "../helpers/fixtures.ts";
import { waitFor } from "../hostile/cli.ts";

/** What the output's commits may leave beside it, for a while: the staging, backup and discarded folders, the journal. */
const besideOutput = (dir: string) => readdirSync(dir).filter((name) => name.startsWith(".dist."));

describe("a full build over a published site", () => {
  const dir = makeTempDir();
  let rebuilt: CliRun;
  beforeAll(() => {
    writeContent(dir, { "ferry.md": documentText(storyFields()) });
    expect(runBuild(dir).status).toBe(0);
    // A file only the old site has: the full build's site must not.
    writeFileSync(join(dir, "dist", "old-only.html"), "<!DOCTYPE html><p>old");
    rebuilt = runBuild(dir, ["--full"]);
  }, 60_000);

  it("publishes the new site in the old one's place", () => {
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(existsSync(join(dir, "dist", "index.html"))).toBe(true);
    expect(existsSync(join(dir, "dist", "old-only.html"))).toBe(false);
  });

  it("deletes the old site after the build, leaving nothing beside the output", async () => {
    await waitFor(() => besideOutput(dir).length === 0, 20_000);
    expect(readdirSync(dir).sort()).toEqual([".cache", "content", "dist"]);
  });
});

describe("a build after an old site's deletion was cut short", () => {
  it("deletes what the deletion left", async () => {
    const dir = makeTempDir();
    writeContent(dir, { "ferry.md": documentText(storyFields()) });
    expect(runBuild(dir).status).toBe(0);
    mkdirSync(join(dir, ".dist.discarded-1-2", "2026"), { recursive: true });
    writeFileSync(join(dir, ".dist.discarded-1-2", "2026", "index.html"), "<!DOCTYPE html><p>old");
    writeContent(dir, { "tram.md": documentText(storyFields({ title: "Tram Line Opens", originalUrl: "https://harbourtimes.example/tram", webUrl: undefined })) });
    expect(runBuild(dir).status).toBe(0);
    await waitFor(() => besideOutput(dir).length === 0, 20_000);
    expect(existsSync(join(dir, "dist", "index.html"))).toBe(true);
  }, 60_000);
});
