import { mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { foldersChanged, statDocuments, type FolderTime } from "../../src/content/discover-documents.ts";
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

describe("telling from its folders whether documents were added or removed", () => {
  const PAST = 1_600_000_000;
  /** A content folder with a document at the top and one in `2025/b`, every folder dated in the past, and its folders as a stat records them. */
  function statted(): { dir: string; folders: FolderTime[] } {
    const dir = makeTempDir();
    mkdirSync(join(dir, "2025", "b"), { recursive: true });
    for (const file of ["a.md", "2025/b/story.md"]) writeFileSync(join(dir, file), "---\n---\n");
    for (const folder of ["2025/b", "2025", ""]) utimesSync(join(dir, folder), PAST, PAST);
    const folders: FolderTime[] = [];
    statDocuments(dir, folders);
    return { dir, folders };
  }

  it("records every folder's time, the content folder's first", () => {
    expect(statted().folders).toEqual([
      { folder: "", mtimeMs: PAST * 1000 },
      { folder: "2025", mtimeMs: PAST * 1000 },
      { folder: "2025/b", mtimeMs: PAST * 1000 },
    ]);
  });

  it("finds no change when nothing changed, or a document was edited in place", () => {
    const { dir, folders } = statted();
    expect(foldersChanged(dir, folders)).toBe(false);
    writeFileSync(join(dir, "2025/b/story.md"), "---\ntitle: Edited\n---\n");
    expect(foldersChanged(dir, folders)).toBe(false);
  });

  it("finds a document added deep down, a document removed, and a folder gone", () => {
    const added = statted();
    writeFileSync(join(added.dir, "2025/b/new.md"), "");
    expect(foldersChanged(added.dir, added.folders)).toBe(true);
    const removed = statted();
    rmSync(join(removed.dir, "a.md"));
    expect(foldersChanged(removed.dir, removed.folders)).toBe(true);
    const gone = statted();
    rmSync(join(gone.dir, "2025"), { recursive: true });
    utimesSync(gone.dir, PAST, PAST);
    expect(foldersChanged(gone.dir, gone.folders)).toBe(true);
  });
});
