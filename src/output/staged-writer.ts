import { mkdir, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative } from "node:path";

/**
 * Writes files into a staging folder. Any thread may own one; the folder's contents are only
 * published by the OutputTransaction that created it.
 */
export class StagedWriter {
  private readonly createdDirs = new Set<string>();

  constructor(readonly staging: string) {}

  async write(path: string, content: string | Uint8Array): Promise<void> {
    const target = join(this.staging, path);
    // The last line of defence: no planned path, however built, may land outside the output.
    const inside = relative(this.staging, target);
    if (isAbsolute(path) || inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
      throw new Error(`Refusing to write ${JSON.stringify(path)}: it is outside the output folder.`);
    }
    await this.ensureDir(dirname(target));
    await writeFile(target, content);
  }

  // Most pages live in a folder of their own: create each folder once, parents first, without
  // the failed attempts a recursive mkdir makes when the parent is missing.
  private async ensureDir(dir: string): Promise<void> {
    // The transaction creates the staging folder. Once an interruption has removed it, a write
    // from another thread must fail rather than bring it back.
    if (dir === this.staging || this.createdDirs.has(dir)) return;
    await this.ensureDir(dirname(dir));
    await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
    this.createdDirs.add(dir);
  }
}
