import { spawn } from "node:child_process";
import { readdirSync, renameSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Deleting a replaced site is the slowest thing a full build over an existing one did: 4 s for a
 * site of 10,000 stories here, 55–90 s for one of 100,000, all after the new site was published.
 * So a folder to delete is renamed out of the way at once (a rename is atomic and instant), and
 * deleted by a detached process that outlives the build. The next build deletes, in the same
 * way, whatever an interrupted deletion left: two deletions of one folder do no harm. `folder`
 * must be beside `outDir`, the output folder whose name the discarded one is given.
 */
export function discardFolder(folder: string, outDir: string): void {
  const discarded = join(dirname(outDir), `${discardedPrefix(outDir)}${process.pid}-${Date.now()}`);
  try {
    renameSync(folder, discarded);
  } catch {
    // Left where it is (a file held open on Windows, say): the next build deletes it before it starts.
    // The new site is published by now, and a build that published must not report a failure.
    return;
  }
  deleteInBackground([discarded]);
}

/** Deletes, in the background, what earlier discards for the output folder `outDir` left behind. */
export function discardLeftovers(outDir: string): void {
  const prefix = discardedPrefix(outDir);
  let names: string[];
  try {
    names = readdirSync(dirname(outDir)).filter((name) => name.startsWith(prefix));
  } catch {
    return; // no parent folder yet: nothing was discarded there
  }
  deleteInBackground(names.map((name) => join(dirname(outDir), name)));
}

/** `dist` → `.dist.discarded-`: hidden, beside the output, like its staging and backup folders. */
function discardedPrefix(outDir: string): string {
  return `.${basename(outDir)}.discarded-`;
}

// Plain Node, no loader: the paths to delete are its arguments.
const DELETE = `for (const path of process.argv.slice(1)) require("node:fs").rmSync(path, { recursive: true, force: true, maxRetries: 5 });`;

function deleteInBackground(paths: string[]): void {
  if (paths.length === 0) return;
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ["-e", DELETE, ...paths], { detached: true, stdio: "ignore", windowsHide: true, env });
  // A process that cannot start leaves the folders for the next build to delete; it must not fail this one.
  child.on("error", () => {});
  child.unref();
}
