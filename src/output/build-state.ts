import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { CachedDocument, ContentCache } from "../content/content-cache.ts";
import type { TermTable } from "../site/delta-scope.ts";
import { decodeShardInto, encodeShard } from "./content-shard.ts";
import { OutputTable } from "./output-table.ts";

/** Bump when the shape of cached data or the meaning of a fingerprint changes. */
const STATE_VERSION = 8;

/**
 * The content cache is split into shards by path, so that a build that parsed a few documents
 * rewrites a few small files instead of one file of every summary (100 MB at 100,000 stories).
 * Each shard is a set of columns (content-shard.ts says why).
 */
const CONTENT_SHARDS = 64;

/**
 * The state is kept in V8's serialisation format, not JSON: Maps and typed arrays survive the
 * round trip, and the 120 MB of a 100,000-story site were written in 0.4 s against 3 s for JSON
 * escaped to ASCII.
 */
const SITE_FILE = "site.v8";
const SHARD_FILE = /^content-\d+\.v8$/;

/** What one build leaves for the next, so the next can read and write only what changed. */
export interface BuildState {
  version: number;
  /** Digest of the code that made the content cache's summaries. */
  sourceHash: string;
  /** Digest of everything that affects every page: config, layouts, assets, code version. */
  siteHash: string;
  content: ContentCache;
  /** Output path → fingerprint of what it shows. */
  outputs: OutputTable;
  /** The terms' names and paths, which the delta planner needs unchanged. */
  terms: TermTable;
}

/** The folder holding the state of the site built into `outDir`. */
export function stateFolder(cacheDir: string, outDir: string): string {
  const key = createHash("sha1").update(resolve(outDir)).digest("hex").slice(0, 12);
  return join(cacheDir, `state-${key}`);
}

/**
 * The previous state, or undefined when there is none or it belongs to another version. Its
 * content cache is left unread, and empty, when other code (another `sourceHash`) made it.
 *
 * `between`, if given, is awaited before each file is read, and reading stops (the state is
 * undefined) when it gives false. A build that reads the state while another thread stats the
 * documents lets that thread's answer in between files, and stops if there is nothing to build.
 */
export async function readState(path: string, sourceHash: string, between?: () => Promise<boolean>): Promise<BuildState | undefined> {
  try {
    if (between && !(await between())) return undefined;
    // Synchronous reads: the build waits for the state anyway.
    const site = deserialize(readFileSync(join(path, SITE_FILE))) as Omit<BuildState, "content" | "outputs"> & { outputs: unknown };
    const outputs = site.version === STATE_VERSION ? OutputTable.revive(site.outputs) : undefined;
    if (outputs === undefined) return undefined;
    const content: ContentCache = new Map();
    const shards = site.sourceHash === sourceHash ? readdirSync(path).filter((name) => SHARD_FILE.test(name)) : [];
    for (const shard of shards) {
      if (between && !(await between())) return undefined;
      decodeShardInto(readFileSync(join(path, shard)), content);
    }
    return { ...site, outputs, content };
  } catch {
    // Missing, cut short, or written by a Node.js whose serialisation this one cannot read: a full build.
    return undefined;
  }
}

/**
 * Writes the state, rewriting only the content shards whose entries differ from `previous`.
 * Entries are checked against each document's size and modification time when read, so a
 * crash between two shard writes leaves a cache that is stale in places, never wrong.
 */
export async function writeState(path: string, state: StateToWrite, previous?: BuildState): Promise<void> {
  await (await stageState(path, state, previous)).publish();
}

/**
 * A state to write. Its outputs may be the map of every output a build planned, which is made
 * into a table only as it is written: an incremental build stages its state while workers
 * render, and that takes the sorting of 133,000 paths off this thread's critical path.
 */
export type StateToWrite = Omit<BuildState, "version" | "outputs"> & {
  outputs: OutputTable | ReadonlyMap<string, string>;
  /**
   * The documents whose entries are not the previous state's, when the caller knows them and no
   * document of the previous state is gone: only their shards are then rewritten, without
   * comparing every entry of both caches (0.3 s at 100,000 documents, on the thread that hands
   * the workers their pages).
   */
  changed?: readonly string[];
};

/** A state written beside the current one, which stays the one read until `publish`. */
export interface StagedState {
  /** Puts the new files in place of the old, the site file last. */
  publish(): Promise<void>;
  /** Removes the new files, leaving the current state as it was. */
  discard(): Promise<void>;
}

/**
 * Writes the files of the state as `.tmp` files, to be published once the site they describe
 * is. An incremental build stages its state while the workers render and publishes it after
 * the commit: published before its pages, a state would tell the next build that pages never
 * written are up to date.
 */
export async function stageState(path: string, state: StateToWrite, previous?: BuildState): Promise<StagedState> {
  await mkdir(path, { recursive: true });
  // A state written by an older version is not read; its files need not stay.
  if (previous === undefined) {
    for (const name of readdirSync(path)) if (name !== SITE_FILE && !SHARD_FILE.test(name)) await rm(join(path, name), { force: true });
  }
  // Shards of a content cache made by other code were not read, so nothing in them can be kept.
  const rewriteAll = previous === undefined || previous.sourceHash !== state.sourceHash;
  const changedShards = rewriteAll ? undefined : state.changed ? new Set(state.changed.map(shardOf)) : shardsChanged(state.content, previous.content);
  const shards = Array.from({ length: CONTENT_SHARDS }, () => new Map<string, CachedDocument>());
  for (const [file, entry] of state.content) {
    const shard = shardOf(file);
    if (changedShards === undefined || changedShards.has(shard)) shards[shard]!.set(file, entry);
  }
  const staged: string[] = [];
  const stage = async (file: string, data: Uint8Array) => {
    staged.push(file);
    await writeFile(`${file}.tmp`, data);
  };
  for (const [i, entries] of shards.entries()) {
    const file = join(path, `content-${i}.v8`);
    if (changedShards !== undefined && !changedShards.has(i) && existsSync(file)) continue;
    await stage(file, encodeShard(entries));
  }
  await stage(join(path, SITE_FILE), serialize({ version: STATE_VERSION, sourceHash: state.sourceHash, siteHash: state.siteHash, outputs: outputTable(state.outputs).serialized(), terms: state.terms }));
  return {
    publish: async () => {
      for (const file of staged) await rename(`${file}.tmp`, file);
    },
    discard: async () => {
      for (const file of staged) await rm(`${file}.tmp`, { force: true });
    },
  };
}

/** The shards holding an entry that is not the previous one, or a document that is gone. */
function shardsChanged(content: ContentCache, previous: ContentCache): Set<number> {
  const changed = new Set<number>();
  for (const [file, entry] of content) if (previous.get(file) !== entry) changed.add(shardOf(file));
  for (const file of previous.keys()) if (!content.has(file)) changed.add(shardOf(file));
  return changed;
}

function outputTable(outputs: OutputTable | ReadonlyMap<string, string>): OutputTable {
  return outputs instanceof OutputTable ? outputs : OutputTable.of(outputs);
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
