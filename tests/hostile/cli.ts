import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { listFiles, PROJECT_ROOT, type CliRun } from "../helpers/fixtures.ts";

/** The flags tests/helpers' runBuild passes, with the search index left on when asked. */
function cliArgs(dir: string, flags: string[], search: boolean): string[] {
  return [
    "scripts/build.js",
    "--config", join(dir, "broadsheet.config.json"),
    "--content", join(dir, "content"),
    "--out", join(dir, "dist"),
    "--now", "2026-11-24T12:00:00Z",
    ...(search ? [] : ["--no-search"]),
    ...flags,
  ];
}

const cliEnv = (dir: string) => ({ ...process.env, BROADSHEET_CACHE_DIR: join(dir, ".cache") });

/** `npm run build` with the search index on, for tests that must see every kind of output. */
export function runBuildWithSearch(dir: string, flags: string[] = []): CliRun {
  const result = spawnSync(process.execPath, cliArgs(dir, flags, true), { cwd: PROJECT_ROOT, encoding: "utf8", env: cliEnv(dir) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export type BuildExit = CliRun & { signal: NodeJS.Signals | null };

export interface RunningBuild {
  /** Sends a signal to the build. */
  kill(signal: NodeJS.Signals): void;
  exited: Promise<BuildExit>;
}

/** Starts `npm run build` without waiting for it, so a test can interrupt it. */
export function startBuild(dir: string, flags: string[] = [], env: Record<string, string> = {}): RunningBuild {
  const child = spawn(process.execPath, cliArgs(dir, flags, false), { cwd: PROJECT_ROOT, env: { ...cliEnv(dir), ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<BuildExit>((resolve) =>
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { kill: (signal) => child.kill(signal), exited };
}

/** Resolves once `test` holds, checking every few milliseconds; rejects after `timeoutMs`. */
export async function waitFor(test: () => boolean, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Every file of a folder with a digest of its bytes, to tell whether anything changed. */
export function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(listFiles(dir).map((path) => [path, createHash("sha256").update(readFileSync(join(dir, path))).digest("hex")]));
}

/** A value shaped like a real `secured` field (`<base64>;<base64>`), unique to one test run. */
export function makeSecret(label: string): string {
  const part = (bytes: number) => Buffer.concat([Buffer.from(`broadsheet-secret-${label}-`), randomBytes(bytes)]).toString("base64");
  return `${part(24)};${part(12)}`;
}

/**
 * The forms in which a secret could show up in output: as written, each half on its own, and
 * escaped for JSON, HTML or a URL. Compressed files (Pagefind's index) are searched unpacked.
 */
export function secretForms(secret: string): string[] {
  const halves = secret.split(";");
  return [...new Set([secret, ...halves, ...halves.map((h) => h.replace(/=+$/, "")), encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])];
}

export function readUnpacked(path: string): Buffer {
  const bytes = readFileSync(path);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}
