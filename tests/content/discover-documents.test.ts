import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { statDocuments } from "../../src/content/discover-documents.ts";
import { packStats, statDocumentsOnWorker, statOnWorker, unpackStats } from "../../src/content/stat-on-worker.ts";
import { ConfigError } from "../../src/config/site-config.ts";
import { makeTempDir } from "../helpers/fixtures.ts";

describe("finding the documents of a content folder", () => {
  it("lists documents in nested folders by their path with / separators, in path order", () => {
    const dir = makeTempDir();
    mkdirSync(join(dir, "2025", "b"), { recursive: true });
    for (const file of ["z.md", "2025/b/story.txt", "2025/a.MARKDOWN", "2025/b-side.md"]) writeFileSync(join(dir, file), "---\n---\n");
    expect(statDocuments(dir).map((s) => s.file)).toEqual(["2025/a.MARKDOWN", "2025/b-side.md", "2025/b/story.txt", "z.md"]);
  });

  it("gives each document's size and modification time", () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, "a.md"), "12345");
    utimesSync(join(dir, "a.md"), 1_700_000_000, 1_700_000_000);
    expect(statDocuments(dir)).toEqual([{ file: "a.md", size: 5, mtimeMs: 1_700_000_000_000 }]);
  });

  it("leaves out files of other kinds and symbolic links", () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, "a.md"), "");
    writeFileSync(join(dir, "notes.json"), "{}");
    symlinkSync(join(dir, "a.md"), join(dir, "link.md"));
    symlinkSync(dir, join(dir, "loop"));
    expect(statDocuments(dir).map((s) => s.file)).toEqual(["a.md"]);
  });

  it("refuses a content folder that does not exist as a usage error", () => {
    expect(() => statDocuments(join(makeTempDir(), "missing"))).toThrow(ConfigError);
  });
});

describe("finding the documents on a worker thread", () => {
  it("finds what this thread finds: paths in any script, sizes, times and order", async () => {
    const dir = makeTempDir();
    mkdirSync(join(dir, "2025", "東京"), { recursive: true });
    for (const file of ["z.md", "2025/東京/story.txt", "2025/a.MARKDOWN", "2025/café.md", "notes.json"]) writeFileSync(join(dir, file), `---\ntitle: ${file}\n---\n`);
    utimesSync(join(dir, "z.md"), 1_700_000_000.25, 1_700_000_000.25);
    symlinkSync(join(dir, "z.md"), join(dir, "link.md"));
    const here = statDocuments(dir);
    expect(here).toHaveLength(4);
    expect(await statOnWorker(dir)).toEqual(here);
    expect(await statDocumentsOnWorker(dir)).toEqual(here);
  });

  it("finds nothing in an empty folder", async () => {
    expect(await statOnWorker(makeTempDir())).toEqual([]);
  });

  it("refuses a content folder that does not exist with the error this thread gives", async () => {
    const missing = join(makeTempDir(), "missing");
    expect(await statOnWorker(missing)).toBeUndefined();
    await expect(statDocumentsOnWorker(missing)).rejects.toThrow(ConfigError);
    await expect(statDocumentsOnWorker(missing)).rejects.toThrow(/does not exist/);
  });
});

describe("packing what was found to send it between threads", () => {
  it("gives back the same paths, sizes and times", () => {
    const stats = [
      { file: "a.md", size: 0, mtimeMs: 1_700_000_000_123.456 },
      { file: "deep/東京 café.txt", size: 123_456_789, mtimeMs: 0 },
    ];
    expect(unpackStats(packStats(stats))).toEqual(stats);
    expect(unpackStats(packStats([]))).toEqual([]);
  });
});
