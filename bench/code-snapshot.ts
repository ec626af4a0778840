/**
 * The benchmark builds with a frozen copy of the project's code, taken when it starts. In a
 * checkout where people keep editing layouts and sources, a build against the live tree can
 * change its site hash halfway through the benchmark and turn a "no change" build into a full one;
 * a copy keeps every run of one benchmark on the same code.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";

export interface CodeSnapshot {
  dir: string;
  commit: string;
  /** Files of the copy that differ from the commit (work in progress when the benchmark ran). */
  uncommitted: string[];
}

/** Folders the build does not need: tests, the benchmark itself, sample content. */
const LEFT_OUT = /^(tests|bench|content|\.bench|coverage|dist)\//;

export function snapshotCode(projectRoot: string, dir: string): CodeSnapshot {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: projectRoot, encoding: "utf8" });
  const files = git("ls-files", "--cached", "--others", "--exclude-standard", "-z")
    .split("\0")
    .filter((file) => file !== "" && !LEFT_OUT.test(file));
  rmSync(dir, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      cpSync(join(projectRoot, file), join(dir, file));
    } catch {
      // Listed but deleted in the working tree: the build does not have it either.
    }
  }
  symlinkSync(join(projectRoot, "node_modules"), join(dir, "node_modules"), "dir");
  const uncommitted = git("status", "--porcelain", "-z")
    .split("\0")
    .filter((line) => line.length > 3)
    .map((line) => line.slice(3))
    .filter((file) => !LEFT_OUT.test(file));
  return { dir, commit: git("rev-parse", "--short", "HEAD").trim(), uncommitted };
}
