import matter from "gray-matter";
import yaml from "js-yaml";
import type { ContentIssue } from "./content-error.ts";

export interface ParsedDocument {
  /** The front matter as YAML gave it: untrusted, not yet validated. */
  data: unknown;
  body: string;
}

export type ReadResult = { ok: true; document: ParsedDocument } | { ok: false; issue: ContentIssue };

/** Larger documents are refused before parsing; no real story needs megabytes of front matter. */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The only YAML parse the project does: the core schema builds no Dates, classes or code. */
function parseYaml(text: string): object {
  return yaml.load(text, { schema: yaml.CORE_SCHEMA }) as object;
}

// gray-matter picks an engine from the text after the opening `---` and its `js` engine
// calls eval. Every engine but YAML is replaced so no document can ever choose one.
const refuse = () => {
  throw new Error("unreachable: only YAML front matter reaches gray-matter");
};
const MATTER_OPTIONS = {
  language: "yaml",
  engines: { yaml: parseYaml, js: refuse, javascript: refuse, json: refuse, coffee: refuse, coffeescript: refuse, toml: refuse },
};

/** Bytes of one document → its front matter and body, or the one thing wrong with it. */
export function readDocument(file: string, bytes: Uint8Array): ReadResult {
  const fail = (reason: string, found?: string): ReadResult => ({ ok: false, issue: { file, field: "(file)", reason, found } });

  if (bytes.byteLength > MAX_DOCUMENT_BYTES) return fail(`the document is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`, `${bytes.byteLength} bytes`);
  let text: string;
  try {
    text = utf8.decode(bytes); // also drops a byte-order mark
  } catch {
    return fail(`the file is not UTF-8 text (${describeEncodingProblem(bytes)}); save it as UTF-8`);
  }
  text = text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") return fail("the document is empty; it needs YAML front matter between --- lines");

  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n"));
  if (!firstLine.startsWith("---")) return fail("no front matter: the document must start with a --- line", describeFirstLine(firstLine));
  const language = firstLine.slice(3).trim();
  if (language !== "") return fail(`front matter must be YAML; "---${language.slice(0, 20)}" front matter is not allowed and never run`);
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) return fail("the front matter is not closed: add a --- line after it");

  let parsed: { data: unknown; content: string };
  try {
    parsed = matter(text, MATTER_OPTIONS);
  } catch (error) {
    if (error instanceof RangeError) return fail("malformed YAML: the front matter is nested too deeply");
    if (error instanceof yaml.YAMLException) {
      // The parsed text starts with the newline that ends the opening --- line, so a 0-based mark line is the 1-based file line.
      const line = error.mark ? error.mark.line + 1 : undefined;
      return fail(`malformed YAML${line === undefined ? "" : ` at line ${line}`}: ${error.reason}`);
    }
    throw error;
  }
  const data = parsed.data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return fail("the front matter must be a map of fields (name: value)");
  }
  return { ok: true, document: { data, body: parsed.content } };
}

/** Where the first byte that is not UTF-8 sits, and what the file probably is instead. */
function describeEncodingProblem(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return "it is UTF-16";
  const loose = new TextDecoder("utf-8").decode(bytes);
  const bad = loose.indexOf("\ufffd");
  const line = loose.slice(0, bad).split("\n").length;
  return `the first invalid byte is on line ${line}; Latin-1 or Windows-1252, perhaps`;
}

/** The start of a first line, for an error message; never a `secured:` value, which must not reach a log. */
function describeFirstLine(line: string): string {
  if (/secured/i.test(line)) return "a line with secured:, not ---";
  return JSON.stringify(line.length > 40 ? `${line.slice(0, 39)}…` : line);
}
