import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rereadArticle } from "../../src/build/reread-article.ts";
import { documentText, makeTempDir, storyFields, writeContent } from "../helpers/fixtures.ts";

describe("rereadArticle", () => {
  it("reads the full article of a document whose summary was cached", () => {
    const content = writeContent(makeTempDir(), { "a.md": documentText(storyFields({ title: "Ferry returns" })) });
    expect(rereadArticle(content, "a.md").title).toBe("Ferry returns");
  });

  it("says which document went away while the site was being built", () => {
    const content = writeContent(makeTempDir(), {});
    expect(() => rereadArticle(content, "gone.md")).toThrow("gone.md went away while the site was being built (ENOENT); build again.");
  });

  it("says which document changed into an invalid one while the site was being built", () => {
    const content = writeContent(makeTempDir(), {});
    writeFileSync(join(content, "broken.md"), "---\ntitle: [unclosed\n---\n");
    expect(() => rereadArticle(content, "broken.md")).toThrow("broken.md changed while the site was being built; build again.");
  });
});
