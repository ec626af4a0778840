// Broadsheet's TypeScript as plain JavaScript, bundled by esbuild into node_modules/.cache on
// first use after each change to src/. A build and each of its worker threads then start without
// compiling TypeScript through tsx's loader, which costs about 0.4 s per thread. See README.md,
// "Performance". Plain JavaScript itself: it runs before anything can compile TypeScript.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { sourcesDigest } from "../src/build/source-digest.js";

/** Bundles of older sources are removed a day after they were made; a build may still be using one. */
const KEEP_OLD_BUNDLES_MS = 24 * 3_600_000;

/**
 * The folder of the bundle of `root`'s src/: `cli.js`, `plugin.js` (the Eleventy plugin, for
 * src/eleventy/load-plugin.js), and `worker-entry.js`, `write-entry.js` and `stat-entry.js` beside the chunks that
 * start those threads, so `new URL("./worker-entry.js", import.meta.url)` finds them as in src/.
 * Undefined when it cannot be made (esbuild missing or failing): the caller runs src/ through tsx.
 */
export async function precompiledCli(root = resolve(import.meta.dirname, "..")) {
  const sourceDir = join(root, "src");
  const cacheDir = join(root, "node_modules", ".cache", "broadsheet");
  const sources = sourcesDigest(sourceDir);
  // The bundle's name also changes with how it is made (this file).
  const bundleKey = createHash("sha1").update(readFileSync(import.meta.filename)).update("\0").update(sources).digest("base64url").slice(0, 16);
  const folder = join(cacheDir, `bundle-${bundleKey}`);
  if (existsSync(join(folder, "cli.js"))) return folder;
  const staging = `${folder}.${process.pid}.tmp`;
  try {
    const { build } = await import("esbuild");
    await build({
      entryPoints: { cli: join(sourceDir, "cli.ts"), "worker-entry": join(sourceDir, "build", "build-worker.ts"), "write-entry": join(sourceDir, "output", "write-worker.ts"), "stat-entry": join(sourceDir, "build", "stat-worker.ts"), plugin: join(sourceDir, "eleventy", "plugin.ts") },
      outdir: staging,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      // BROADSHEET_SOURCE_DIGEST is the digest of the sources this bundle was made from
      // (src/build/code-digest.ts): the src/ folder found at run time may have changed since, or
      // belong to another checkout sharing this node_modules.
      define: { BROADSHEET_SOURCE_DIGEST: JSON.stringify(sources) },
      logLevel: "silent",
    });
    try {
      renameSync(staging, folder);
    } catch (error) {
      // Another build made the same bundle first: theirs is as good as ours.
      if (!existsSync(join(folder, "cli.js"))) throw error;
    }
    removeOldBundles(cacheDir, folder);
    return folder;
  } catch {
    return undefined;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function removeOldBundles(cacheDir, current) {
  for (const name of readdirSync(cacheDir)) {
    const folder = join(cacheDir, name);
    if (folder !== current && name.startsWith("bundle-") && Date.now() - statSync(folder).mtimeMs > KEEP_OLD_BUNDLES_MS) {
      rmSync(folder, { recursive: true, force: true });
    }
  }
}
