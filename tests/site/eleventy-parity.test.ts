import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { documentText, listFiles, makeTempDir, PROJECT_ROOT, runBuild, storyFields, writeContent } from "../helpers/fixtures.ts";

const NOW = "2026-11-24T12:00:00Z";

/**
 * The bulk renderer behind `npm run build` and Eleventy's own rendering (`npm start`,
 * `npx @11ty/eleventy`) must give the same site, byte for byte.
 */
describe("Eleventy and the bulk renderer", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir();
    const documents: Record<string, string> = {};
    for (let i = 1; i <= 7; i += 1) {
      documents[`s${i}.md`] = documentText(
        storyFields({
          title: i === 3 ? 'Rail & Road: "<A Decade>"' : `Story ${i}`,
          publishedDateTime: `2026-0${1 + (i % 3)}-1${i}T08:00:00Z`,
          originalUrl: `https://outlet.example/${i}`,
          webUrl: `https://outlet.example/${i}`,
          topics: i % 2 ? ["AI", "人工智能"] : ["C++"],
          related: i === 2 ? [{ title: "Story 1 elsewhere", webUrl: "https://outlet.example/1" }] : undefined,
        }),
        i === 4 ? "Some **bold** words and {{ not a variable }}." : "",
      );
    }
    writeContent(dir, documents);
    writeFileSync(join(dir, "broadsheet.config.json"), JSON.stringify({ contentDir: join(dir, "content"), pageSize: 3, pathPrefix: "/news/", timeZone: "Europe/Paris", language: "fr" }));
    expect(runBuild(dir).status).toBe(0);
    const eleventy = spawnSync(process.execPath, ["node_modules/@11ty/eleventy/cmd.cjs", `--output=${join(dir, "eleventy")}`, "--quiet"], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      env: { ...process.env, BROADSHEET_CONFIG: join(dir, "broadsheet.config.json"), BROADSHEET_NOW: NOW },
    });
    expect(eleventy.stderr).toBe("");
    expect(eleventy.status).toBe(0);
  });

  it("write the same files", () => {
    expect(listFiles(join(dir, "eleventy"))).toEqual(listFiles(join(dir, "dist")));
  });

  it("write the same bytes in every file", () => {
    const files = listFiles(join(dir, "dist"));
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      expect(readFileSync(join(dir, "eleventy", file), "utf8"), file).toBe(readFileSync(join(dir, "dist", file), "utf8"));
    }
  });
});
