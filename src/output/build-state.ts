import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { ContentCache } from "../content/content-cache.ts";

/** Bump when the shape of cached data or the meaning of a fingerprint changes. */
const STATE_VERSION = 1;

/** What one build leaves for the next, so the next can read and write only what changed. */
export interface BuildState {
  version: number;
  /** Digest of everything that affects every page: config, layouts, assets, code version. */
  siteHash: string;
  content: ContentCache;
  /** Output path → fingerprint of what it shows. */
  outputs: Record<string, string>;
}

export function stateFile(cacheDir: string, outDir: string): string {
  const key = createHash("sha1").update(resolve(outDir)).digest("hex").slice(0, 12);
  return join(cacheDir, `state-${key}.json`);
}

/** The previous state, or undefined when there is none or it belongs to another version. */
export async function readState(path: string): Promise<BuildState | undefined> {
  try {
    const state = JSON.parse(await readFile(path, "utf8")) as BuildState;
    return state.version === STATE_VERSION ? state : undefined;
  } catch {
    return undefined;
  }
}

export async function writeState(path: string, state: Omit<BuildState, "version">): Promise<void> {
  await mkdir(join(path, ".."), { recursive: true });
  await writeFile(`${path}.tmp`, JSON.stringify({ version: STATE_VERSION, ...state }));
  await rename(`${path}.tmp`, path);
}
