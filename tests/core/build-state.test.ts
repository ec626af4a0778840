import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ContentCache } from "../../src/content/content-cache.ts";
import { readState, stateFolder, writeState } from "../../src/output/build-state.ts";
import { makeTempDir } from "../helpers/fixtures.ts";

function cache(count: number): ContentCache {
  const content: ContentCache = new Map();
  for (let i = 0; i < count; i += 1) content.set(`posts/story-${i}.md`, { size: 100 + i, mtimeMs: 1_700_000_000_000 + i });
  return content;
}

function shardTimes(folder: string): Map<string, number> {
  return new Map(readdirSync(folder).filter((n) => n.startsWith("content-")).map((n) => [n, statSync(join(folder, n)).mtimeMs]));
}

describe("build state", () => {
  it("reads back what was written", async () => {
    const folder = stateFolder(makeTempDir(), "dist");
    const state = { siteHash: "abc", content: cache(500), outputs: { "index.html": "f1", "topics/x/index.html": "f2" } };
    await writeState(folder, state);
    expect(await readState(folder)).toEqual({ version: expect.any(Number), ...state });
  });

  it("keeps text in any script, in files of ASCII only", async () => {
    const folder = stateFolder(makeTempDir(), "dist");
    const content: ContentCache = new Map([["posts/zürich.md", { size: 1, mtimeMs: 2, errors: [{ file: "posts/zürich.md", field: "title", reason: "東京 — 😀 is not allowed" }] }]]);
    const state = { siteHash: "abc", content, outputs: { "topics/café/index.html": "f1" } };
    await writeState(folder, state);
    expect(await readState(folder)).toEqual({ version: expect.any(Number), ...state });
    for (const file of readdirSync(folder)) expect(readFileSync(join(folder, file), "latin1"), file).toMatch(/^[\x00-\x7f]*$/);
  });

  it("rewrites only the content shards whose documents changed or went away", async () => {
    const folder = stateFolder(makeTempDir(), "dist");
    const first = { siteHash: "abc", content: cache(500), outputs: {} };
    await writeState(folder, first);
    const previous = (await readState(folder))!;
    const before = shardTimes(folder);
    expect(before.size).toBeGreaterThan(10);
    await new Promise((resolve) => setTimeout(resolve, 20));

    const content: ContentCache = new Map([...previous.content, ["posts/story-3.md", { size: 1, mtimeMs: 2 }]]);
    content.delete("posts/story-7.md");
    await writeState(folder, { siteHash: "abc", content, outputs: {} }, previous);
    const after = shardTimes(folder);
    const rewritten = [...after].filter(([name, time]) => before.get(name) !== time).map(([name]) => name);
    expect(rewritten.length).toBeGreaterThanOrEqual(1);
    expect(rewritten.length).toBeLessThanOrEqual(2);
    expect((await readState(folder))!.content).toEqual(content);
  });

  it("is absent when nothing was written", async () => {
    expect(await readState(stateFolder(makeTempDir(), "dist"))).toBeUndefined();
  });
});
