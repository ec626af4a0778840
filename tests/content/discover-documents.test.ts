import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { statDocuments } from "../../src/content/discover-documents.ts";
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
