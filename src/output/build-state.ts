import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { CachedDocument, ContentCache } from "../content/content-cache.ts";

/** Bump when the shape of cached data or the meaning of a fingerprint changes. */
const STATE_VERSION = 3;

/**
 * The content cache is split into shards by path, so that a build that parsed a few documents
 * rewrites a few small files instead of one file of every summary (130 MB at 100,000 stories).
 */
const CONTENT_SHARDS = 64;

/** What one build leaves for the next, so the next can read and write only what changed. */
export interface BuildState {
  version: number;
  /** Digest of everything that affects every page: config, layouts, assets, code version. */
  siteHash: string;
  content: ContentCache;
  /** Output path → fingerprint of what it shows. */
  outputs: Record<string, string>;
}

/** The folder holding the state of the site built into `outDir`. */
export function stateFolder(cacheDir: string, outDir: string): string {
  const key = createHash("sha1").update(resolve(outDir)).digest("hex").slice(0, 12);
  return join(cacheDir, `state-${key}`);
}

/** The previous state, or undefined when there is none or it belongs to another version. */
export async function readState(path: string): Promise<BuildState | undefined> {
  try {
    // Synchronous reads: the build waits for the state anyway, and they decode much faster.
    const site = JSON.parse(readFileSync(join(path, "site.json"), "latin1")) as Omit<BuildState, "content">;
    if (site.version !== STATE_VERSION) return undefined;
    const content: ContentCache = new Map();
    const shards = readdirSync(path).filter((name) => /^content-\d+\.json$/.test(name));
    for (const shard of shards) {
      const entries = JSON.parse(readFileSync(join(path, shard), "latin1")) as Record<string, CachedDocument>;
      for (const file in entries) content.set(file, entries[file]!);
    }
    return { ...site, content };
  } catch {
    return undefined;
  }
}

/**
 * Writes the state, rewriting only the content shards whose entries differ from `previous`.
 * Entries are checked against each document's size and modification time when read, so a
 * crash between two shard writes leaves a cache that is stale in places, never wrong.
 */
export async function writeState(path: string, state: Omit<BuildState, "version">, previous?: BuildState): Promise<void> {
  await mkdir(path, { recursive: true });
  const shards = Array.from({ length: CONTENT_SHARDS }, () => ({ entries: {} as Record<string, CachedDocument>, changed: previous === undefined }));
  for (const [file, entry] of state.content) {
    const shard = shards[shardOf(file)]!;
    shard.entries[file] = entry;
    if (previous?.content.get(file) !== entry) shard.changed = true;
  }
  if (previous) {
    // A removed document changes its shard too.
    for (const file of previous.content.keys()) if (!state.content.has(file)) shards[shardOf(file)]!.changed = true;
  }
  for (const [i, shard] of shards.entries()) {
    const file = join(path, `content-${i}.json`);
    if (!shard.changed && existsSync(file)) continue;
    await writeAtomically(file, asciiJson(shard.entries));
  }
  await writeAtomically(join(path, "site.json"), asciiJson({ version: STATE_VERSION, siteHash: state.siteHash, outputs: state.outputs }));
}

/**
 * JSON with every character beyond ASCII escaped, read back as Latin-1: a file with a single
 * accented headline would otherwise be decoded as UTF-8 in full and parsed as a two-byte string,
 * which takes a third longer for the 130 MB of a 100,000-story site.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

/** FNV-1a over the path's UTF-16 code units: cheap, stable across machines and Node versions. */
function shardOf(file: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < file.length; i += 1) {
    hash ^= file.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % CONTENT_SHARDS;
}
