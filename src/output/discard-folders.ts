import { spawn } from "node:child_process";
import { readdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { outputNeighbours } from "./output-neighbours.ts";

/**
 * Deleting a replaced site is the slowest thing a full build over an existing one did: 4 s for a
 * site of 10,000 stories here, 55–90 s for one of 100,000, all after the new site was published.
 * So a folder to delete is renamed out of the way at once (a rename is atomic and instant), and
 * deleted by a detached process that outlives the build. The next build deletes, in the same
 * way, whatever an interrupted deletion left. `folder` must be beside `outDir`, the output
 * folder whose name the discarded one is given.
 *
 * A deleting process first claims its folder by renaming it to a name with its own pid, so that
 * the builds that start while it works (a site republished every few minutes) leave the folder
 * to it instead of starting more deletions of the same tree, which only slow each other and the
 * builds down. A claimed folder whose process is gone is claimed again.
 */
export function discardFolder(folder: string, outDir: string): void {
  const { parent, discardedPrefix } = outputNeighbours(outDir);
  const discarded = join(parent, `${discardedPrefix}${process.pid}-${Date.now()}`);
  try {
    renameSync(folder, discarded);
  } catch {
    // Left where it is (a file held open on Windows, say): the next build deletes it before it starts.
    // The new site is published by now, and a build that published must not report a failure.
    return;
  }
  deleteInBackground([discarded], outDir);
}

/**
 * Deletes, in the background, what earlier discards for the output folder `outDir` left behind,
 * except the folders a running deletion has claimed. Returns the folders it set out to delete.
 */
export function discardLeftovers(outDir: string): string[] {
  const { parent, discardedPrefix, deletingPrefix } = outputNeighbours(outDir);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return []; // no parent folder yet: nothing was discarded there
  }
  const left = names.filter((name) => name.startsWith(discardedPrefix) || (name.startsWith(deletingPrefix) && !isRunning(claimantOf(name.slice(deletingPrefix.length)))));
  const folders = left.map((name) => join(parent, name));
  deleteInBackground(folders, outDir);
  return folders;
}

/** The pid in a claimed folder's name, `<pid>-<time>-<n>`. */
function claimantOf(suffix: string): number {
  return Number.parseInt(suffix, 10);
}

function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// Plain Node, no loader. Its arguments are the claimed names' prefix and the folders to delete;
// a folder it cannot claim (another deletion claimed it first) is left to the other.
const DELETE = `const fs = require("node:fs");
const [claimPrefix, ...folders] = process.argv.slice(1);
for (const [i, folder] of folders.entries()) {
  const claimed = claimPrefix + process.pid + "-" + Date.now() + "-" + i;
  try { fs.renameSync(folder, claimed); } catch { continue; }
  fs.rmSync(claimed, { recursive: true, force: true, maxRetries: 5 });
}`;

function deleteInBackground(folders: string[], outDir: string): void {
  if (folders.length === 0) return;
  const { parent, deletingPrefix } = outputNeighbours(outDir);
  const claimPrefix = join(parent, deletingPrefix);
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ["-e", DELETE, claimPrefix, ...folders], { detached: true, stdio: "ignore", windowsHide: true, env });
  // A process that cannot start leaves the folders for the next build to delete; it must not fail this one.
  child.on("error", () => {});
  child.unref();
}
