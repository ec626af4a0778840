import { describe, expect, it } from "vitest";
import { documentText, listFiles, makeTempDir, readOutput, runBuild, storyFields, writeContent } from "./helpers/fixtures.ts";
import { join } from "node:path";

describe("npm run build on a one-story folder", () => {
  it("writes the story's page under its date and slug", () => {
    const dir = makeTempDir();
    writeContent(dir, { "story.md": documentText(storyFields()) });
    const run = runBuild(dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(listFiles(join(dir, "dist"))).toContain("2026/03/14/harbour-ferry-adds-night-sailings/index.html");
    expect(readOutput(dir, "2026/03/14/harbour-ferry-adds-night-sailings/index.html")).toContain("Harbour Ferry Adds Night Sailings");
  });
});
