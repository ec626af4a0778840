import { existsSync, renameSync, rmSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { foldName } from "../fold-name.ts";
import { pathInside } from "../path-inside.ts";
import { discardFolder, discardLeftovers } from "./discard-folders.ts";
import { outputNeighbours } from "./output-neighbours.ts";

/**
 * Publishes a build without ever leaving a half-written site.
 *
 * Everything is written into a staging folder beside the output first. A full build then swaps
 * the two folders; an incremental one moves its few changed files into place, keeping the files
 * they replace in a backup folder and a journal of the moves, so an interrupted commit is rolled
 * back by the next build before it does anything else.
 */
export class OutputTransaction {
  readonly staging: string;
  private readonly backup: string;
  private readonly journalPath: string;
  private committing = false;
  private interrupted: NodeJS.Signals | undefined;
  private readonly onSignal = (signal: NodeJS.Signals) => this.interrupt(signal);

  constructor(
    readonly outDir: string,
    readonly full: boolean,
  ) {
    const neighbours = outputNeighbours(outDir);
    this.staging = neighbours.staging;
    this.backup = neighbours.backup;
    this.journalPath = neighbours.journal;
  }

  /** Undoes whatever an earlier, interrupted build left half done. Call before anything else. */
  async recover(): Promise<void> {
    if (existsSync(this.journalPath)) {
      const journal = JSON.parse(await readFile(this.journalPath, "utf8")) as Journal;
      if (journal.kind === "swap") {
        if (!existsSync(this.outDir) && existsSync(this.backup)) await rename(this.backup, this.outDir);
      } else {
        for (const path of journal.paths) insideFolder(this.outDir, path);
        for (const path of journal.paths.reverse()) {
          const target = join(this.outDir, path);
          const saved = join(this.backup, path);
          if (existsSync(saved)) {
            await rm(target, { recursive: true, force: true });
            await mkdir(dirname(target), { recursive: true });
            await rename(saved, target);
          } else if (journal.created.includes(path)) {
            await rm(target, { recursive: true, force: true });
          }
        }
      }
      await rm(this.journalPath, { force: true });
    }
    await rm(this.staging, { recursive: true, force: true });
    await rm(`${this.staging}.interrupted`, { recursive: true, force: true });
    await rm(this.backup, { recursive: true, force: true });
    discardLeftovers(this.outDir);
  }

  async begin(): Promise<void> {
    // Listen first: once the staging folder exists, an interruption must clear it away.
    process.on("SIGINT", this.onSignal);
    process.on("SIGTERM", this.onSignal);
    await rm(this.staging, { recursive: true, force: true });
    await mkdir(this.staging, { recursive: true });
  }

  /**
   * Ctrl-C while staging throws the staging folder away at once; during the short commit it waits
   * for the commit to finish, so the published site is never left between two builds.
   */
  private interrupt(signal: NodeJS.Signals): void {
    if (this.committing) {
      this.interrupted = signal;
      return;
    }
    try {
      // Worker threads may still be writing. Moving the folder away first makes their next write
      // fail instead of landing in a half-deleted staging folder; the next build's recover()
      // removes whatever is left if this does not finish.
      const doomed = `${this.staging}.interrupted`;
      renameSync(this.staging, doomed);
      rmSync(doomed, { recursive: true, force: true, maxRetries: 5 });
    } finally {
      process.stderr.write(`\nInterrupted (${signal}): nothing was published; ${this.outDir}/ is unchanged.\n`);
      process.exit(exitCodeFor(signal));
    }
  }

  private finish(): void {
    process.off("SIGINT", this.onSignal);
    process.off("SIGTERM", this.onSignal);
    this.committing = false;
    const signal = this.interrupted;
    if (signal === undefined) return;
    // The site is published; the build still records what it published for the next one, so the
    // exit status reports the interruption only once everything else is done.
    process.stderr.write(`\nInterrupted (${signal}) while publishing: finishing first; ${this.outDir}/ is complete.\n`);
    process.once("beforeExit", () => (process.exitCode = exitCodeFor(signal)));
  }

  /** Discards the staged files; the published site was never touched. */
  async abort(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
    this.finish();
  }

  /**
   * Makes the staged build the published one. A full build swaps folders; an incremental one
   * moves `changed` paths (files or whole folders) into place and removes `deleted` ones.
   */
  async commit(changed: string[], deleted: string[]): Promise<void> {
    this.committing = true;
    try {
      for (const path of [...changed, ...deleted]) insideFolder(this.outDir, path);
      refuseFoldedDuplicates(changed);
      if (this.full) await this.swap();
      else if (changed.length > 0 || deleted.length > 0) await this.move(changed, deleted);
    } finally {
      await rm(this.staging, { recursive: true, force: true });
      this.finish();
    }
  }

  private async move(changed: string[], deleted: string[]): Promise<void> {
    const created = changed.filter((path) => !existsSync(join(this.outDir, path)));
    await this.writeJournal({ kind: "moves", paths: [...changed, ...deleted], created });
    for (const path of [...changed, ...deleted]) {
      const target = join(this.outDir, path);
      if (existsSync(target)) {
        await mkdir(dirname(join(this.backup, path)), { recursive: true });
        await rename(target, join(this.backup, path));
      }
    }
    for (const path of changed) {
      await mkdir(dirname(join(this.outDir, path)), { recursive: true });
      await rename(join(this.staging, path), join(this.outDir, path));
    }
    await rm(this.journalPath, { force: true });
    await rm(this.backup, { recursive: true, force: true });
    await pruneEmptyDirs(this.outDir, deleted);
  }

  private async swap(): Promise<void> {
    await this.writeJournal({ kind: "swap", paths: [], created: [] });
    if (existsSync(this.outDir)) await rename(this.outDir, this.backup);
    await rename(this.staging, this.outDir);
    await rm(this.journalPath, { force: true });
    // The new site is published: no one need wait while the old one is deleted.
    if (existsSync(this.backup)) discardFolder(this.backup, this.outDir);
  }

  private async writeJournal(journal: Journal): Promise<void> {
    await writeFile(`${this.journalPath}.tmp`, JSON.stringify(journal));
    await rename(`${this.journalPath}.tmp`, this.journalPath);
  }
}

interface Journal {
  kind: "swap" | "moves";
  /** Paths under the output that the commit replaces or removes. */
  paths: string[];
  /** Paths that did not exist before the commit. */
  created: string[];
}

/** The shell's convention: 128 + the signal's number. */
function exitCodeFor(signal: NodeJS.Signals): number {
  return signal === "SIGINT" ? 130 : 143;
}

/**
 * `folder`/`path`, if `path` is a plain relative path that stays inside `folder`; throws otherwise.
 * Output paths come from slugs of untrusted names, so this is checked, not assumed.
 */
function insideFolder(folder: string, path: string): string {
  const target = resolve(folder, path);
  const fromFolder = pathInside(folder, target);
  const escapes = fromFolder === undefined || fromFolder === "";
  if (path === "" || isAbsolute(path) || path.includes("\0") || path.split(/[\\/]/).includes("..") || escapes) {
    throw new Error(`Refusing to touch ${JSON.stringify(path)}: it is not inside the output folder ${folder}.`);
  }
  return target;
}

/**
 * Many hosts (macOS and Windows file systems, some object stores) do not tell apart names that
 * differ only in case or Unicode normalisation: two such files would overwrite each other.
 */
function refuseFoldedDuplicates(paths: string[]): void {
  const seen = new Map<string, string>();
  for (const path of paths) {
    const folded = foldName(path);
    const earlier = seen.get(folded);
    if (earlier !== undefined) throw new Error(`Two output files would be one on hosts that ignore case or Unicode normalisation: ${JSON.stringify(earlier)} and ${JSON.stringify(path)}.`);
    seen.set(folded, path);
  }
}

/** Removes folders left empty by deleted pages, walking up towards the output root. */
async function pruneEmptyDirs(root: string, deleted: string[]): Promise<void> {
  const dirs = new Set<string>();
  for (const path of deleted) {
    for (let dir = dirname(path); dir !== "." && dir !== "/"; dir = dirname(dir)) dirs.add(dir);
  }
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) {
    const full = join(root, dir);
    if (existsSync(full) && (await readdir(full)).length === 0) await rmdir(full);
  }
}
