import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { discardFolder, discardLeftovers } from "../../src/output/discard-folders.ts";
import { makeTempDir } from "../helpers/fixtures.ts";
import { waitFor } from "../hostile/cli.ts";

/** A folder of a few files, like a small published site. */
function siteAt(folder: string): void {
  mkdirSync(join(folder, "2026", "03"), { recursive: true });
  writeFileSync(join(folder, "index.html"), "<!DOCTYPE html><p>old");
  writeFileSync(join(folder, "2026", "03", "index.html"), "<!DOCTYPE html><p>march");
}

/** Folders waiting to be deleted, or being deleted. */
const discarded = (dir: string) => readdirSync(dir).filter((name) => name.startsWith(".dist.discarded-") || name.startsWith(".dist.deleting-"));

describe("discarding a folder", () => {
  it("moves it out of the way at once, under a hidden name of the output's beside it", () => {
    const dir = makeTempDir();
    siteAt(join(dir, ".dist.backup"));
    discardFolder(join(dir, ".dist.backup"), join(dir, "dist"));
    expect(existsSync(join(dir, ".dist.backup"))).toBe(false);
    // What is still there (the deletion may have begun) lies under a discarded or deleting name only.
    expect(readdirSync(dir).every((name) => name.startsWith(".dist.discarded-") || name.startsWith(".dist.deleting-"))).toBe(true);
  });

  it("deletes it in a process of its own, which finishes after the call returns", async () => {
    const dir = makeTempDir();
    siteAt(join(dir, ".dist.backup"));
    discardFolder(join(dir, ".dist.backup"), join(dir, "dist"));
    await waitFor(() => discarded(dir).length === 0, 20_000);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("is claimed by the deleting process, under a name with its pid, while it is deleted", async () => {
    const dir = makeTempDir();
    // Enough files that deleting them takes longer than a look at the folder.
    mkdirSync(join(dir, ".dist.backup", "pages"), { recursive: true });
    for (let i = 0; i < 4_000; i += 1) writeFileSync(join(dir, ".dist.backup", "pages", `${i}.html`), "<p>old");
    discardFolder(join(dir, ".dist.backup"), join(dir, "dist"));
    const claimants = new Set<string>();
    await waitFor(() => {
      const names = discarded(dir);
      for (const name of names) claimants.add(/^\.dist\.deleting-(\d+)-/.exec(name)?.[1] ?? "none yet");
      return names.length === 0;
    }, 20_000);
    claimants.delete("none yet");
    expect([...claimants]).toHaveLength(1);
    expect([...claimants][0]).not.toBe(String(process.pid));
  });

  it("leaves the output folder and everything else beside it alone", async () => {
    const dir = makeTempDir();
    siteAt(join(dir, "dist"));
    siteAt(join(dir, ".dist.backup"));
    writeFileSync(join(dir, "notes.txt"), "keep");
    discardFolder(join(dir, ".dist.backup"), join(dir, "dist"));
    await waitFor(() => discarded(dir).length === 0, 20_000);
    expect(readdirSync(dir).sort()).toEqual(["dist", "notes.txt"]);
    expect(readFileSync(join(dir, "dist", "2026", "03", "index.html"), "utf8")).toBe("<!DOCTYPE html><p>march");
  });

  it("leaves a folder it cannot move aside where it is, for the next build, without failing", () => {
    const dir = makeTempDir();
    siteAt(join(dir, ".dist.backup"));
    // The discarded name is taken by a folder that is not empty, so the rename fails.
    vi.spyOn(Date, "now").mockReturnValue(1_000);
    siteAt(join(dir, `.dist.discarded-${process.pid}-1000`));
    try {
      expect(() => discardFolder(join(dir, ".dist.backup"), join(dir, "dist"))).not.toThrow();
    } finally {
      vi.restoreAllMocks();
    }
    expect(readFileSync(join(dir, ".dist.backup", "index.html"), "utf8")).toBe("<!DOCTYPE html><p>old");
  });
});

describe("the leftovers of a deletion cut short", () => {
  it("are deleted in the background, and only they", async () => {
    const dir = makeTempDir();
    siteAt(join(dir, ".dist.discarded-123-456"));
    siteAt(join(dir, ".dist.discarded-789-012"));
    siteAt(join(dir, "dist"));
    siteAt(join(dir, ".other.discarded-123-456"));
    discardLeftovers(join(dir, "dist"));
    await waitFor(() => discarded(dir).length === 0, 20_000);
    expect(readdirSync(dir).sort()).toEqual([".other.discarded-123-456", "dist"]);
  });

  it("leave a folder that a running deletion has claimed to it", async () => {
    const dir = makeTempDir();
    // Claimed by this process, which is running.
    const claimed = `.dist.deleting-${process.pid}-1000-0`;
    siteAt(join(dir, claimed));
    siteAt(join(dir, ".dist.discarded-123-456"));
    expect(discardLeftovers(join(dir, "dist"))).toEqual([join(dir, ".dist.discarded-123-456")]);
    await waitFor(() => discarded(dir).length === 1, 20_000);
    expect(readdirSync(dir)).toEqual([claimed]);
    expect(readFileSync(join(dir, claimed, "index.html"), "utf8")).toBe("<!DOCTYPE html><p>old");
  });

  it("are taken over from a deletion whose process is gone", async () => {
    const dir = makeTempDir();
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    siteAt(join(dir, `.dist.deleting-${gone}-1000-0`));
    expect(discardLeftovers(join(dir, "dist"))).toEqual([join(dir, `.dist.deleting-${gone}-1000-0`)]);
    await waitFor(() => discarded(dir).length === 0, 20_000);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("are deleted, and nothing else, when two builds set out to delete them at the same time", async () => {
    const dir = makeTempDir();
    siteAt(join(dir, ".dist.discarded-123-456"));
    siteAt(join(dir, "dist"));
    discardLeftovers(join(dir, "dist"));
    discardLeftovers(join(dir, "dist"));
    await waitFor(() => discarded(dir).length === 0, 20_000);
    expect(readdirSync(dir)).toEqual(["dist"]);
  });

  it("need nothing done when the output's parent folder does not exist yet", () => {
    expect(() => discardLeftovers(join(makeTempDir(), "missing", "dist"))).not.toThrow();
  });
});
