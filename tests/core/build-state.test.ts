import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ContentCache } from "../../src/content/content-cache.ts";
import { readState, stageState, stateFolder, writeState } from "../../src/output/build-state.ts";
import { OutputTable } from "../../src/output/output-table.ts";
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
    const state = { sourceHash: "src", siteHash: "abc", content: cache(500), outputs: OutputTable.of(new Map([["index.html", "f1"], ["topics/x/index.html", "f2"]])), terms: new Map([["topic\0x", "X\0topics/x/"]]) };
    await writeState(folder, state);
    expect(await readState(folder, "src")).toEqual({ version: expect.any(Number), ...state });
  });

  it("keeps text in any script", async () => {
    const folder = stateFolder(makeTempDir(), "dist");
    const content: ContentCache = new Map([["posts/zürich.md", { size: 1, mtimeMs: 2, errors: [{ file: "posts/zürich.md", field: "title", reason: "東京 — 😀 is not allowed" }] }]]);
    const state = { sourceHash: "src", siteHash: "abc", content, outputs: OutputTable.of(new Map([["topics/café/index.html", "f1"]])), terms: new Map([["topic\0cafe", "Café\0topics/café/"]]) };
    await writeState(folder, state);
    expect(await readState(folder, "src")).toEqual({ version: expect.any(Number), ...state });
  });

  it("is absent when a file of it was cut short, so the next build is a full one", async () => {
    const folder = stateFolder(makeTempDir(), "dist");
    await writeState(folder, { sourceHash: "src", siteHash: "abc", content: cache(50), outputs: OutputTable.of(new Map([["index.html", "f1"]])), terms: new Map() });
    const shard = readdirSync(folder).find((n) => n.startsWith("content-"))!;
    const bytes = readFileSync(join(folder, shard));
    writeFileSync(join(folder, shard), bytes.subarray(0, bytes.length - 5));
    expect(await readState(folder, "src")).toBeUndefined();
  });

  it("removes the files of a state it could not read when it writes a new one", async () => {
    const folder = stateFolder(makeTempDir(), "dist");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "site.json"), "{}");
    writeFileSync(join(folder, "content-3.json"), "{}");
    await writeState(folder, { sourceHash: "src", siteHash: "abc", content: cache(5), outputs: OutputTable.of(new Map()), terms: new Map() });
    expect(readdirSync(folder).some((n) => n.endsWith(".json"))).toBe(false);
    expect((await readState(folder, "src"))!.content.size).toBe(5);
  });

  it("keeps the current state the one read until a staged state is published", async () => {
    const folder = stateFolder(makeTempDir(), "dist");
    const current = { sourceHash: "src", siteHash: "abc", content: cache(50), outputs: OutputTable.of(new Map([["index.html", "f1"]])), terms: new Map() };
    await writeState(folder, current);
    const next = { sourceHash: "src", siteHash: "abc", content: cache(60), outputs: OutputTable.of(new Map([["index.html", "f2"]])), terms: new Map() };
    const staged = await stageState(folder, next, await readState(folder, "src"));
    expect(await readState(folder, "src")).toEqual({ version: expect.any(Number), ...current });
    await staged.publish();
    expect(await readState(folder, "src")).toEqual({ version: expect.any(Number), ...next });
  });

  it("leaves the current state as it was, and no files behind, when a staged state is discarded", async () => {
    const folder = stateFolder(makeTempDir(), "dist");
    const current = { sourceHash: "src", siteHash: "abc", content: cache(50), outputs: OutputTable.of(new Map([["index.html", "f1"]])), terms: new Map() };
    await writeState(folder, current);
    const files = readdirSync(folder).sort();
    const staged = await stageState(folder, { ...current, content: cache(60), outputs: OutputTable.of(new Map()), terms: new Map() }, await readState(folder, "src"));
    await staged.discard();
    expect(readdirSync(folder).sort()).toEqual(files);
    expect(await readState(folder, "src")).toEqual({ version: expect.any(Number), ...current });
  });

  it("rewrites only the content shards whose documents changed or went away", async () => {
    const folder = stateFolder(makeTempDir(), "dist");
    const first = { sourceHash: "src", siteHash: "abc", content: cache(500), outputs: OutputTable.of(new Map()), terms: new Map() };
    await writeState(folder, first);
    const previous = (await readState(folder, "src"))!;
    const before = shardTimes(folder);
    expect(before.size).toBeGreaterThan(10);
    await new Promise((resolve) => setTimeout(resolve, 20));

    const content: ContentCache = new Map([...previous.content, ["posts/story-3.md", { size: 1, mtimeMs: 2 }]]);
    content.delete("posts/story-7.md");
    await writeState(folder, { sourceHash: "src", siteHash: "abc", content, outputs: OutputTable.of(new Map()), terms: new Map() }, previous);
    const after = shardTimes(folder);
    const rewritten = [...after].filter(([name, time]) => before.get(name) !== time).map(([name]) => name);
    expect(rewritten.length).toBeGreaterThanOrEqual(1);
    expect(rewritten.length).toBeLessThanOrEqual(2);
    expect((await readState(folder, "src"))!.content).toEqual(content);
  });

  it("rewrites only the shards of the documents it is told changed, and reads back every document", async () => {
    const folder = stateFolder(makeTempDir(), "dist");
    await writeState(folder, { sourceHash: "src", siteHash: "abc", content: cache(500), outputs: OutputTable.of(new Map()), terms: new Map() });
    const previous = (await readState(folder, "src"))!;
    const before = shardTimes(folder);
    await new Promise((resolve) => setTimeout(resolve, 20));

    const content: ContentCache = new Map([...previous.content, ["posts/story-3.md", { size: 1, mtimeMs: 2 }], ["posts/new.md", { size: 3, mtimeMs: 4 }]]);
    await writeState(folder, { sourceHash: "src", siteHash: "abc", content, changed: ["posts/story-3.md", "posts/new.md"], outputs: OutputTable.of(new Map()), terms: new Map() }, previous);
    const rewritten = [...shardTimes(folder)].filter(([name, time]) => before.get(name) !== time).map(([name]) => name);
    expect(rewritten.length).toBeGreaterThanOrEqual(1);
    expect(rewritten.length).toBeLessThanOrEqual(2);
    expect((await readState(folder, "src"))!.content).toEqual(content);
  });

  it("writes outputs given as a map of every planned page as the table the next build reads", async () => {
    const folder = stateFolder(makeTempDir(), "dist");
    await writeState(folder, { sourceHash: "src", siteHash: "abc", content: cache(1), outputs: new Map([["topics/x/index.html", "f2"], ["index.html", "f1"]]), terms: new Map() });
    const outputs = (await readState(folder, "src"))!.outputs;
    expect(outputs.size).toBe(2);
    expect(outputs.get("index.html")).toBe("f1");
    expect(outputs.get("topics/x/index.html")).toBe("f2");
  });

  it("leaves out the content cache that other code made", async () => {
    const folder = stateFolder(makeTempDir(), "dist");
    await writeState(folder, { sourceHash: "older code", siteHash: "abc", content: cache(20), outputs: OutputTable.of(new Map([["index.html", "f1"]])), terms: new Map() });
    const state = await readState(folder, "src");
    expect(state?.content.size).toBe(0);
    expect(state!.outputs.size).toBe(1);
    expect(state!.outputs.get("index.html")).toBe("f1");
  });

  it("rewrites every shard after a change of code, even one whose documents all went away", async () => {
    const folder = stateFolder(makeTempDir(), "dist");
    await writeState(folder, { sourceHash: "older code", siteHash: "abc", content: cache(200), outputs: OutputTable.of(new Map()), terms: new Map() });
    const previous = (await readState(folder, "src"))!;
    await writeState(folder, { sourceHash: "src", siteHash: "abc", content: cache(1), outputs: OutputTable.of(new Map()), terms: new Map() }, previous);
    expect((await readState(folder, "src"))!.content).toEqual(cache(1));
  });

  it("is absent when nothing was written", async () => {
    expect(await readState(stateFolder(makeTempDir(), "dist"), "src")).toBeUndefined();
  });
});
