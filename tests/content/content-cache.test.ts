import { rmSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadWithCache } from "../../src/content/content-cache.ts";
import { documentText, makeTempDir, storyFields, writeContent } from "../helpers/fixtures.ts";

const story = (title: string) => documentText(storyFields({ title, originalUrl: `https://outlet.example/${title}`, webUrl: `https://outlet.example/${title}` }));

describe("loading with the previous build's cache", () => {
  it("parses only new and changed documents, names them, and counts those gone", async () => {
    const content = writeContent(makeTempDir(), { "a.md": story("a"), "b.md": story("b"), "c.md": story("c") });
    const first = await loadWithCache(content, new Map());
    expect([first.parsed, first.gone]).toEqual([["a.md", "b.md", "c.md"], 0]);

    rmSync(join(content, "c.md"));
    writeContent(join(content, ".."), { "b.md": story("b, corrected"), "d.md": story("d") });
    utimesSync(join(content, "b.md"), new Date(), new Date(Date.now() + 5_000));
    const second = await loadWithCache(content, first.cache);
    expect(second.parsed).toEqual(["b.md", "d.md"]);
    expect(second.gone).toBe(1);
    expect(second.cache.get("a.md")).toBe(first.cache.get("a.md"));
    expect(second.summaries.map((s) => s.title)).toEqual(["a", "b, corrected", "d"]);
  });
});
