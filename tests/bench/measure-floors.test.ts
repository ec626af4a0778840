import { copyFileSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { COMPLETE_MARKER, ensureCorpus } from "../../bench/generate-corpus.ts";
import { measureFloors, type Floor } from "../../bench/measure-floors.ts";
import { listFiles, makeTempDir, PROJECT_ROOT, runBuild } from "../helpers/fixtures.ts";

const DOCUMENTS = 40;

describe("the benchmark's floors", () => {
  let site: string;
  let scratch: string;
  let floors: Floor[];
  const floor = (name: string) => floors.find((f) => f.name.startsWith(name))!;

  beforeAll(async () => {
    site = makeTempDir();
    ensureCorpus(join(site, "content"), DOCUMENTS, 11);
    copyFileSync(join(PROJECT_ROOT, "broadsheet.config.json"), join(site, "broadsheet.config.json"));
    expect(runBuild(site, ["--full"]).status).toBe(0);
    scratch = join(makeTempDir(), "written");
    floors = await measureFloors(join(site, "content"), join(site, "dist"), scratch);
  }, 60_000);

  it("measures each part of the work once, in the order a build does it", () => {
    expect(floors.map((f) => f.name)).toEqual([
      "start Node",
      "list and stat the documents",
      "read the documents",
      "parse their YAML (js-yaml alone)",
      "load Eleventy and .eleventy.js",
      "render every page (Nunjucks, the project's layouts)",
      "write the output's files (folders included)",
    ]);
    for (const f of floors) {
      expect(f.wallSeconds, f.name).toBeGreaterThan(0);
      expect(f.cpuSeconds, f.name).toBeGreaterThanOrEqual(0);
    }
  });

  it("reads and parses every document of the corpus, and nothing else in it", () => {
    expect(listFiles(join(site, "content"))).toContain(COMPLETE_MARKER);
    for (const name of ["list", "read", "parse"]) expect(floor(name).count, name).toBe(DOCUMENTS);
  });

  it("renders every page the build rendered: all the output but the copied assets", () => {
    const pages = listFiles(join(site, "dist")).filter((file) => !file.startsWith("assets/") && !existsSync(join(PROJECT_ROOT, "public", file)));
    expect(pages.length).toBeGreaterThan(DOCUMENTS);
    expect(floor("render").count).toBe(pages.length);
  });

  it("writes a file of the same path and size for every file of the output", () => {
    const output = listFiles(join(site, "dist"));
    expect(listFiles(scratch)).toEqual(output);
    expect(floor("write").count).toBe(output.length);
    for (const file of output) expect(statSync(join(scratch, file)).size, file).toBe(statSync(join(site, "dist", file)).size);
  });
});
