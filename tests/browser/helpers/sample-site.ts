import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** The sample site's clock, so every run builds the same pages. */
export const SAMPLE_NOW = "2026-11-24T12:00:00Z";

/**
 * Builds the project's sample site (content/ with broadsheet.config.json) into `outDir` through the
 * real CLI, with the Pagefind search index, and a build cache of its own so the repository's
 * cache is left alone. Resolves when the build succeeded; rejects with the CLI's output otherwise.
 */
export function buildSampleSite(outDir: string, options: { pathPrefix?: string; cacheDir?: string } = {}): Promise<void> {
  const args = ["scripts/build.js", "--now", SAMPLE_NOW, "--out", outDir, "--full", "--quiet"];
  if (options.pathPrefix) args.push("--path-prefix", options.pathPrefix);
  const cacheDir = options.cacheDir ?? `${outDir}.cache`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, BROADSHEET_CACHE_DIR: cacheDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`building the sample site into ${outDir} failed (exit ${code}):\n${output}`))));
  });
}

