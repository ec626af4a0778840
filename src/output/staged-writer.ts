import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";

/**
 * Writes files into a staging folder. Any thread may own one; the folder's contents are only
 * published by the OutputTransaction that created it.
 *
 * Writes are synchronous on purpose: a page is a few kilobytes, and the thread-pool round trips
 * of asynchronous mkdir/open/write/close cost more than the writes themselves (2.5 times the
 * wall time for 10,000 pages here). Callers yield to the event loop between batches of pages.
 */
export class StagedWriter {
  private readonly createdDirs = new Set<string>();

  constructor(readonly staging: string) {}

  write(path: string, content: string | Uint8Array): void {
    const target = join(this.staging, path);
    // The last line of defence: no planned path, however built, may land outside the output.
    const inside = relative(this.staging, target);
    if (isAbsolute(path) || inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
      throw new Error(`Refusing to write ${JSON.stringify(path)}: it is outside the output folder.`);
    }
    this.ensureDir(dirname(target));
    writeFileSync(target, content);
  }

  // Most pages live in a folder of their own: create each folder once, parents first, without
  // the failed attempts a recursive mkdir makes when the parent is missing.
  private ensureDir(dir: string): void {
    // The transaction creates the staging folder. Once an interruption has removed it, a write
    // from another thread must fail rather than bring it back.
    if (dir === this.staging || this.createdDirs.has(dir)) return;
    this.ensureDir(dirname(dir));
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    this.createdDirs.add(dir);
  }
}
