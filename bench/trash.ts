import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { basename, join } from "node:path";

/**
 * Deleting a tree of thousands of files slows file creation on this machine's disk for about a
 * minute afterwards: a bare loop writing the 17,119 files of a 10,000-document site took 1.2 s,
 * 4.0 s just after a tree like it was deleted, and 0.8 s a minute later. The benchmark therefore
 * moves the trees it replaces (outputs, caches, copies of an output) aside and deletes them once
 * the timed builds are over, so that no build is timed in the wake of the harness's own deletions.
 */
export class Trash {
  private count = 0;

  constructor(readonly dir: string) {}

  /** Moves `path` into the trash, at once; nothing if it does not exist. */
  discard(path: string): void {
    if (!existsSync(path)) return;
    mkdirSync(this.dir, { recursive: true });
    renameSync(path, join(this.dir, `${process.pid}-${(this.count += 1)}-${basename(path)}`));
  }

  /** Deletes everything in the trash: the seconds it took, or undefined when it was empty. */
  empty(): number | undefined {
    if (!existsSync(this.dir)) return undefined;
    const started = performance.now();
    rmSync(this.dir, { recursive: true, force: true });
    return (performance.now() - started) / 1000;
  }
}
