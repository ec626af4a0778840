import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";

/** Where a build's threads put the files they render; `settled` once the last is written. */
export interface PageWriter {
  readonly staging: string;
  write(path: string, content: string | Uint8Array): void;
  /** Resolves when the writer can take more without holding too much in memory. */
  caughtUp?(): Promise<void>;
  /** Resolves once every file is written; rejects with the first that could not be. */
  settled(): Promise<void>;
  /** Gives up on what is not written yet: the build failed. */
  stop(): Promise<void>;
}

/**
 * `staging/path`, or an error if `path` would land outside `staging`: the last line of defence,
 * no planned path, however built, may land outside the output.
 */
export function assertInside(staging: string, path: string): string {
  const target = join(staging, path);
  const inside = relative(staging, target);
  if (isAbsolute(path) || inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
    throw new Error(`Refusing to write ${JSON.stringify(path)}: it is outside the output folder.`);
  }
  return target;
}

/**
 * Writes files into a staging folder. Any thread may own one; the folder's contents are only
 * published by the OutputTransaction that created it.
 *
 * Writes are synchronous on purpose: a page is a few kilobytes, and the thread-pool round trips
 * of asynchronous mkdir/open/write/close cost more than the writes themselves (2.5 times the
 * wall time for 10,000 pages here). Callers yield to the event loop between batches of pages.
 */
export class StagedWriter implements PageWriter {
  private readonly createdDirs = new Set<string>();

  constructor(readonly staging: string) {}

  write(path: string, content: string | Uint8Array): void {
    const target = assertInside(this.staging, path);
    this.ensureDir(dirname(target));
    writeFileSync(target, content);
  }

  async settled(): Promise<void> {}

  async stop(): Promise<void> {}

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
