import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import yaml from "js-yaml";

export const PROJECT_ROOT = resolve(import.meta.dirname, "../..");

/** A fresh folder for one test's content, output and cache. */
export function makeTempDir(prefix = "broadsheet-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Front matter of a valid, minimal news document; override any field. */
export function storyFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: "news",
    title: "Harbour Ferry Adds Night Sailings",
    excerpt: "The harbour ferry will run until midnight from next month.",
    publishedDateTime: "2026-03-14T08:30:00Z",
    originalUrl: "https://harbourtimes.example/ferry-night-sailings",
    webUrl: "https://harbourtimes.example/ferry-night-sailings",
    type: "article",
    quality: 50,
    heat: -1,
    published: true,
    provider: { name: "Harbour Times", domain: "harbourtimes.example" },
    topics: ["Transport"],
    images: [{ url: "https://images.harbourtimes.example/ferry.jpg", width: 1200, height: 800 }],
    ...overrides,
  };
}

/** A document as text: YAML front matter from `fields`, then `body`. */
export function documentText(fields: Record<string, unknown>, body = ""): string {
  return `---\n${yaml.dump(fields, { lineWidth: -1 })}---\n${body}`;
}

/** Writes documents (relative path → file text) into `dir`/content and returns that folder. */
export function writeContent(dir: string, documents: Record<string, string | Uint8Array>): string {
  const content = join(dir, "content");
  for (const [path, text] of Object.entries(documents)) {
    const file = join(content, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  mkdirSync(content, { recursive: true });
  return content;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run build`'s entry point as a user would, from the project root, with the given flags.
 * Pins --now so results do not depend on the clock and keeps the cache inside the test's folder.
 */
export function runBuild(dir: string, flags: string[] = [], env: Record<string, string> = {}): CliRun {
  const args = ["scripts/build.js", "--config", join(dir, "broadsheet.config.json"), "--content", join(dir, "content"), "--out", join(dir, "dist"), "--now", "2026-11-24T12:00:00Z", "--no-search", ...flags];
  const result = spawnSync(process.execPath, args, {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env: { ...process.env, BROADSHEET_CACHE_DIR: join(dir, ".cache"), ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir`, relative, with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/**
 * How the tree under `actualDir` differs from the one under `expectedDir`: files missing, left
 * over, or with other bytes. Empty when the two are byte for byte the same.
 */
export function treeDifferences(actualDir: string, expectedDir: string): string[] {
  const actual = new Set(listFiles(actualDir));
  const expected = listFiles(expectedDir);
  const found: string[] = [];
  for (const file of expected) {
    if (!actual.has(file)) found.push(`missing ${file}`);
    else if (!readFileSync(join(actualDir, file)).equals(readFileSync(join(expectedDir, file)))) found.push(`stale ${file}`);
  }
  for (const file of actual) if (!expected.includes(file)) found.push(`left over ${file}`);
  return found;
}

/**
 * A full build, from scratch in a fresh folder, of a copy of `dir`'s documents and config file;
 * `build` runs it (tests/hostile/cli.ts's `runBuildWithSearch` for a build with the search index).
 */
export function fullBuildOfCopy(dir: string, flags: string[] = [], build: (dir: string, flags: string[]) => CliRun = runBuild): CliRun & { dist: string } {
  const fresh = makeTempDir();
  writeFileSync(join(fresh, "broadsheet.config.json"), readFileSync(join(dir, "broadsheet.config.json")));
  const files = listFiles(join(dir, "content"));
  writeContent(fresh, Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, "content", f))])));
  return { ...build(fresh, ["--full", ...flags]), dist: join(fresh, "dist") };
}

export function readOutput(dir: string, path: string): string {
  return readFileSync(join(dir, "dist", path), "utf8");
}
