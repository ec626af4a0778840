import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Trash } from "../../bench/trash.ts";
import { listFiles, makeTempDir } from "../helpers/fixtures.ts";

describe("the benchmark's trash", () => {
  it("moves a discarded folder aside at once, with its files, and deletes it only when emptied", () => {
    const root = makeTempDir();
    const out = join(root, "out-1000");
    mkdirSync(join(out, "2025", "story"), { recursive: true });
    writeFileSync(join(out, "2025", "story", "index.html"), "<p>story</p>");
    const trash = new Trash(join(root, "trash"));

    trash.discard(out);
    expect(existsSync(out)).toBe(false);
    const [moved, ...others] = readdirSync(trash.dir);
    expect(others).toEqual([]);
    expect(moved).toMatch(/-out-1000$/);
    expect(listFiles(join(trash.dir, moved!))).toEqual(["2025/story/index.html"]);

    expect(trash.empty()).toBeGreaterThanOrEqual(0);
    expect(existsSync(trash.dir)).toBe(false);
  });

  it("keeps two discarded folders of the same name apart", () => {
    const root = makeTempDir();
    const trash = new Trash(join(root, "trash"));
    for (const content of ["first", "second"]) {
      mkdirSync(join(root, "previous-out"));
      writeFileSync(join(root, "previous-out", "page.html"), content);
      trash.discard(join(root, "previous-out"));
    }
    expect(readdirSync(trash.dir)).toHaveLength(2);
  });

  it("does nothing for a path that is not there, and reports an empty trash as undefined", () => {
    const root = makeTempDir();
    const trash = new Trash(join(root, "trash"));
    trash.discard(join(root, "missing"));
    expect(existsSync(trash.dir)).toBe(false);
    expect(trash.empty()).toBeUndefined();
  });
});
