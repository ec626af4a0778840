import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load-content.ts";
import { documentText, makeTempDir, storyFields, writeContent } from "../helpers/fixtures.ts";

describe("loading content for the Eleventy plugin", () => {
  it("turns every document into an article, in path order", () => {
    const content = writeContent(makeTempDir(), {
      "b.md": documentText(storyFields({ title: "Second" })),
      "a.md": documentText(storyFields({ title: "First", originalUrl: "https://harbourtimes.example/a", webUrl: "https://harbourtimes.example/a" })),
      "notes.json": "{}",
    });
    const loaded = loadContent(content);
    expect(loaded.documentsRead).toBe(2);
    expect(loaded.articles.map((a) => a.title)).toEqual(["First", "Second"]);
    expect(loaded.errors).toEqual([]);
  });

  it("reports a document that cannot be read as that document's error, not a crash", () => {
    const content = writeContent(makeTempDir(), { "a.md": documentText(storyFields()) });
    const loaded = loadContent(content, ["a.md", "gone.md"]);
    expect(loaded.articles).toHaveLength(1);
    expect(loaded.errors).toEqual([{ file: "gone.md", field: "(file)", reason: "the file could not be read (ENOENT)" }]);
  });
});
