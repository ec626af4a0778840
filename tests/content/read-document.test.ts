import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_DOCUMENT_BYTES, readDocument } from "../../src/content/read-document.ts";
import { makeTempDir } from "../helpers/fixtures.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (text: string | Uint8Array) => readDocument("doc.md", typeof text === "string" ? bytes(text) : text);

function problem(text: string | Uint8Array) {
  const result = read(text);
  if (result.ok) throw new Error("expected the document to be refused");
  return result.issue;
}

function data(text: string | Uint8Array) {
  const result = read(text);
  if (!result.ok) throw new Error(`expected the document to be read, got: ${result.issue.reason}`);
  return result.document.data as Record<string, unknown>;
}

describe("readDocument: what a document must look like", () => {
  it("reads YAML front matter and the body after it", () => {
    const result = read("---\ntitle: Ferry\n---\nBody text\n");
    expect(result).toEqual({ ok: true, document: { data: { title: "Ferry" }, body: "Body text\n" } });
  });

  it("refuses an empty file", () => {
    expect(problem("")).toEqual({ file: "doc.md", field: "(file)", reason: "the document is empty; it needs YAML front matter between --- lines" });
  });

  it("refuses a file of blank lines as empty", () => {
    expect(problem("\n  \n\t\n").reason).toMatch(/^the document is empty/);
  });

  it("refuses a document without front matter and shows how it starts", () => {
    expect(problem("Ferry adds night sailings\n")).toMatchObject({ field: "(file)", reason: "no front matter: the document must start with a --- line", found: '"Ferry adds night sailings"' });
  });

  it("never quotes a first line that holds a secured value", () => {
    const issue = problem("secured: c2VjcmV0LXZhbHVl;aXY=\ntitle: x\n");
    expect(issue.found).toBe("a line with secured:, not ---");
    expect(JSON.stringify(issue)).not.toContain("c2VjcmV0LXZhbHVl");
  });

  it("refuses front matter that is never closed", () => {
    expect(problem("---\ntitle: Ferry\n").reason).toBe("the front matter is not closed: add a --- line after it");
  });

  it("reports malformed YAML with its line in the file", () => {
    expect(problem("---\ntitle: Ferry\ntopics: [Transport\nexcerpt: x\n---\n").reason).toBe("malformed YAML at line 4: missed comma between flow collection entries");
  });

  it("refuses the same field twice", () => {
    expect(problem("---\ntitle: A\ntitle: B\n---\n").reason).toBe("malformed YAML at line 3: duplicated mapping key");
  });

  it("refuses front matter that is a list or a single value, not fields", () => {
    expect(problem("---\n- title\n---\n").reason).toBe("the front matter must be a map of fields (name: value)");
    expect(problem("---\njust words\n---\n").reason).toBe("the front matter must be a map of fields (name: value)");
  });

  it("drops a byte-order mark", () => {
    expect(data("\ufeff---\ntitle: Ferry\n---\n")).toEqual({ title: "Ferry" });
  });

  it("reads CRLF line endings like LF", () => {
    const result = read("---\r\ntitle: Ferry\r\nexcerpt: Night sailings\r\n---\r\nBody\r\n");
    expect(result).toEqual({ ok: true, document: { data: { title: "Ferry", excerpt: "Night sailings" }, body: "Body\n" } });
  });

  it("refuses bytes that are not UTF-8 and says on which line the first one is", () => {
    const latin1 = Uint8Array.from([...bytes("---\ntitle: Caf"), 0xe9, ...bytes("\n---\n")]);
    expect(problem(latin1).reason).toBe("the file is not UTF-8 text (the first invalid byte is on line 2; Latin-1 or Windows-1252, perhaps); save it as UTF-8");
  });

  it("recognises UTF-16 text", () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[..."---\n"].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(problem(utf16).reason).toBe("the file is not UTF-8 text (it is UTF-16); save it as UTF-8");
  });

  it("refuses ---js front matter without running it", () => {
    const dir = makeTempDir();
    const marker = join(dir, "ran");
    const issue = problem(`---js\n{ title: (require("fs").writeFileSync(${JSON.stringify(marker)}, "x"), "x") }\n---\n`);
    expect(issue.reason).toBe('front matter must be YAML; "---js" front matter is not allowed and never run');
    expect(existsSync(marker)).toBe(false);
  });

  it("refuses every other front-matter language gray-matter knows", () => {
    for (const language of ["javascript", "json", "coffee", "toml"]) expect(problem(`---${language}\ntitle = "x"\n---\n`).reason).toContain(`"---${language}"`);
  });

  it("builds no code or objects from YAML tags", () => {
    expect(problem("---\ntitle: !!js/function 'function () { return 1 }'\n---\n").reason).toBe("malformed YAML at line 2: unknown tag !<tag:yaml.org,2002:js/function>");
  });

  it("keeps unquoted dates, numbers and booleans as YAML's core schema reads them: dates as text", () => {
    expect(data("---\npublishedDateTime: 2024-05-01T09:30:00Z\nquality: 42\npublished: true\n---\n")).toEqual({ publishedDateTime: "2024-05-01T09:30:00Z", quality: 42, published: true });
  });

  it("refuses nesting deeper than a document needs, quickly", () => {
    const started = performance.now();
    expect(problem(`---\ntopics: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n---\n`).reason).toBe("malformed YAML at line 2: nesting exceeded maxDepth (100)");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses a document larger than the limit before parsing it", () => {
    expect(problem(new Uint8Array(MAX_DOCUMENT_BYTES + 1)).reason).toBe("the document is larger than 4 MB");
  });
});
