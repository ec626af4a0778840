import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Article } from "../../src/content/article.ts";
import { statDocuments } from "../../src/content/discover-documents.ts";
import { parseDocuments } from "../../src/content/load-content.ts";
import { WorkerPool } from "../../src/build/worker-pool.ts";
import { documentText, makeTempDir, PROJECT_ROOT, storyFields, writeContent } from "../helpers/fixtures.ts";

const setup = { layoutsDir: join(PROJECT_ROOT, "layouts"), configPath: join(PROJECT_ROOT, ".eleventy.js") };
let pool: WorkerPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

function content(): string {
  return writeContent(makeTempDir(), {
    "a/first.md": documentText(storyFields({ title: "First story", originalUrl: "https://outlet.example/1" }), "A body with **emphasis**.\n"),
    "a/second.md": documentText(storyFields({ title: "Second story", originalUrl: "https://outlet.example/2", topics: ["Harbours", "Weather"] })),
    "broken.md": "---\ntitle: [unclosed\n---\n",
  });
}

describe("WorkerPool", () => {
  it("parse hands back the articles and summaries this thread would make, and keeps none of them", async () => {
    const dir = content();
    const files = statDocuments(dir);
    const here = new Map<string, Article>();
    const expected = parseDocuments(dir, files, here);
    pool = new WorkerPool(1, setup);
    const { documents, articles } = await pool.parse(0, dir, files);
    expect(documents).toEqual(expected);
    expect(articles.map((article) => article.sourcePath).sort()).toEqual(["a/first.md", "a/second.md"]);
    expect(articles).toEqual(expect.arrayContaining([...here.values()]));
    expect(articles[0]!.bodyHtml ?? articles[1]!.bodyHtml).toContain("<strong>emphasis</strong>");
    for (const { file } of files) expect(pool.holder(file)).toBeUndefined();
  });

  it("load keeps the articles on the worker, which is then their holder", async () => {
    const dir = content();
    const files = statDocuments(dir);
    pool = new WorkerPool(1, setup);
    const documents = await pool.load(0, dir, files);
    expect(documents.map((document) => document.file)).toEqual(files.map((file) => file.file));
    expect(documents.find((document) => document.file === "broken.md")!.errors[0]!.reason).toMatch(/malformed YAML/);
    for (const { file } of files) expect(pool.holder(file)).toBe(0);
  });
});
