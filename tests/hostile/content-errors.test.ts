import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentText, listFiles, makeTempDir, runBuild, storyFields, writeContent, type CliRun } from "../helpers/fixtures.ts";
import { makeSecret, snapshot } from "./cli.ts";

/**
 * One folder of curated documents, most of them broken in one way each, built three times:
 * with the valid ones only (the published site), with all of them (must fail and change nothing),
 * and with all of them and --skip-invalid (must publish the valid ones).
 */

const secrets = Array.from({ length: 4 }, (_, i) => makeSecret(`errors-${i}`));
const story = (title: string, overrides: Record<string, unknown> = {}) =>
  storyFields({ title, originalUrl: `https://harbourtimes.example/${encodeURIComponent(title)}`, webUrl: undefined, secured: secrets[0], ...overrides });

const VALID: Record<string, string | Uint8Array> = {
  "good.md": documentText(story("Harbour Ferry Adds Night Sailings", { originalUrl: "https://harbourtimes.example/ferry" })),
  "encodings/byte-order-mark.md": `\ufeff${documentText(story("Byte Order Mark Story"))}`,
  "encodings/crlf.md": documentText(story("Windows Line Endings Story")).replace(/\n/g, "\r\n"),
  "loose/numbers-as-strings.md": documentText(story("Numbers As Strings Story", { quality: "42", heat: "-1", images: [{ url: "https://images.example/a.jpg", width: "1200", height: "800" }] })),
  "loose/single-topic.md": documentText(story("Single Topic Story", { topics: "Harbour" })),
  "loose/updated-only.md": documentText(story("Updated Date Only Story", { publishedDateTime: undefined, updatedDateTime: "2026-03-20T10:00:00Z" })),
  "scheduled.md": documentText(story("Story From The Future", { publishedDateTime: "2099-01-01T00:00:00Z" })),
};

const VALID_PAGES = [
  "2026/03/14/harbour-ferry-adds-night-sailings/index.html",
  "2026/03/14/byte-order-mark-story/index.html",
  "2026/03/14/windows-line-endings-story/index.html",
  "2026/03/14/numbers-as-strings-story/index.html",
  "2026/03/14/single-topic-story/index.html",
  "2026/03/20/updated-date-only-story/index.html",
];

// Written by the ---js front matter below if anything ever ran it.
const dir = makeTempDir("broadsheet-errors-");
const ranMarker = join(dir, "front-matter-ran");

/** Aliases that would expand to 10^9 topics if anything walked them. */
const aliasBomb = [
  "---",
  "title: Alias Bomb",
  "publishedDateTime: 2026-03-14T08:30:00Z",
  "provider: Harbour Times",
  "a: &a [x, x, x, x, x, x, x, x, x, x]",
  ...["b", "c", "d", "e", "f", "g", "h", "i"].map((name, i, names) => `${name}: &${name} [${Array(10).fill(`*${i === 0 ? "a" : names[i - 1]}`).join(", ")}]`),
  "topics: [*i, *i, *i, *i, *i, *i, *i, *i, *i, *i]",
  "---",
  "",
].join("\n");

const INVALID: Record<string, string | Uint8Array> = {
  "broken/malformed-yaml.md": `---\ntitle: Broken\ntopics: [Transport\nexcerpt: x\nsecured: ${secrets[1]}\n---\n`,
  "broken/no-front-matter.md": "Harbour ferry adds night sailings\n\nThe ferry will run until midnight.\n",
  "broken/empty.md": "",
  "broken/not-utf8.md": Uint8Array.from([...Buffer.from("---\ntitle: Caf"), 0xe9, ...Buffer.from("\n---\n")]),
  "broken/js-front-matter.md": `---js\n{ title: (require("fs").writeFileSync(${JSON.stringify(ranMarker)}, "ran"), "x") }\n---\n`,
  "fields/missing-headline.md": documentText(story("", { title: undefined })),
  "fields/empty-headline.md": documentText(story("   ")),
  "fields/missing-date.md": documentText(story("Missing Date", { publishedDateTime: undefined })),
  "fields/unparsable-date.md": documentText(story("Unparsable Date", { publishedDateTime: "last Tuesday" })),
  "fields/impossible-date.md": documentText(story("Impossible Date", { publishedDateTime: "2024-13-45" })),
  "fields/five-digit-year.md": documentText(story("Five Digit Year", { publishedDateTime: "20260-01-01T00:00:00Z" })),
  "fields/word-for-number.md": documentText(story("Word For Number", { quality: "high" })),
  "fields/nested-topics.md": documentText(story("Nested Topics", { topics: [["Transport", "Harbour"]] })),
  "fields/alias-bomb.md": aliasBomb,
  "secrets/aliased-into-headline.md": `---\nsecured: &s ${secrets[2]}\ntitle: *s\npublishedDateTime: 2026-03-14T08:30:00Z\nprovider: Harbour Times\n---\n`,
  "secrets/first-line.md": `secured: ${secrets[3]}\ntitle: No opening line\n`,
  "z-same-story-again.md": documentText(story("Harbour Ferry Adds Night Sailings Again", { originalUrl: "https://harbourtimes.example/ferry" })),
};

const EXPECTED_ERRORS = [
  "broken/empty.md → (file): the document is empty; it needs YAML front matter between --- lines",
  'broken/js-front-matter.md → (file): front matter must be YAML; "---js" front matter is not allowed and never run',
  "broken/malformed-yaml.md → (file): malformed YAML at line 4: missed comma between flow collection entries",
  'broken/no-front-matter.md → (file): no front matter: the document must start with a --- line ("Harbour ferry adds night sailings")',
  "broken/not-utf8.md → (file): the file is not UTF-8 text (the first invalid byte is on line 2; Latin-1 or Windows-1252, perhaps); save it as UTF-8",
  "fields/alias-bomb.md → topics[0]: must be text, not a nested list or map (a list of 10)",
  'fields/empty-headline.md → title: must not be empty ("   ")',
  'fields/five-digit-year.md → publishedDateTime: must have a four-digit year ("20260-01-01T00:00:00Z")',
  'fields/impossible-date.md → publishedDateTime: is not a real date-time: there is no month 13 ("2024-13-45")',
  "fields/missing-date.md → publishedDateTime: is required (a news item needs a publication date-time such as 2024-05-01T09:30:00Z)",
  "fields/missing-headline.md → title: is required",
  "fields/nested-topics.md → topics[0]: must be text, not a nested list or map (a list of 2)",
  'fields/unparsable-date.md → publishedDateTime: is not an ISO 8601 date-time such as 2024-05-01T09:30:00Z ("last Tuesday")',
  'fields/word-for-number.md → quality: must be a whole number ("high")',
  "secrets/aliased-into-headline.md → title: must not contain the document's secured value (withheld: it holds the secured value)",
  "secrets/first-line.md → (file): no front matter: the document must start with a --- line (a line with secured:, not ---)",
  "z-same-story-again.md → originalUrl: the same story as good.md; keep one of the two documents",
];

const INVALID_FILES = Object.keys(INVALID).sort();

let published: Record<string, string>;
let failed: CliRun;
let failedDist: Record<string, string>;
let skipped: CliRun;
let skippedPages: string[];

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  writeContent(dir, VALID);
  const first = runBuild(dir);
  if (first.status !== 0) throw new Error(`the valid documents did not build:\n${first.stderr}`);
  published = snapshot(join(dir, "dist"));

  writeContent(dir, INVALID);
  failed = runBuild(dir);
  failedDist = snapshot(join(dir, "dist"));

  skipped = runBuild(dir, ["--skip-invalid"]);
  skippedPages = listFiles(join(dir, "dist")).filter((path) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(path));
});

const problemLines = (run: CliRun) => run.stderr.split("\n").filter((line) => line.includes(" → ") && !line.startsWith("warning: "));

describe("a build with invalid documents", () => {
  it("exits 1", () => {
    expect(failed.status).toBe(1);
  });

  it.each(EXPECTED_ERRORS)("reports %s", (line) => {
    expect(problemLines(failed)).toContain(line);
  });

  it("reports every problem once, one line each, and nothing else as a problem", () => {
    expect([...problemLines(failed)].sort()).toEqual([...EXPECTED_ERRORS].sort());
  });

  it("ends with the count of problems and documents, and says the output is unchanged", () => {
    const lines = failed.stderr.trimEnd().split("\n");
    expect(lines.slice(-2)).toEqual([
      `${EXPECTED_ERRORS.length} problems in ${INVALID_FILES.length} documents. Nothing was published; ${join(dir, "dist")}/ is unchanged.`,
      "Fix the documents, or run with --skip-invalid to publish the valid ones.",
    ]);
  });

  it("prints no stack trace", () => {
    expect(failed.stderr).not.toMatch(/^\s+at /m);
    expect(failed.stderr).not.toMatch(/\b\w*Error\b/);
  });

  it("prints no summary on stdout", () => {
    expect(failed.stdout).toBe("");
  });

  it("leaves the published site byte for byte as it was", () => {
    expect(failedDist).toEqual(published);
  });

  it("leaves no staging, backup or journal beside the output", () => {
    expect(listFiles(dir).filter((path) => !/^(content|dist|\.cache)\//.test(path))).toEqual([]);
  });

  it("never runs ---js front matter", () => {
    expect(existsSync(ranMarker)).toBe(false);
  });

  it("never prints a document's secured value", () => {
    for (const secret of secrets) for (const half of secret.split(";")) expect(failed.stdout + failed.stderr).not.toContain(half);
  });
});

describe("the same build with --skip-invalid", () => {
  it("exits 0", () => {
    expect(skipped.status).toBe(0);
  });

  it("still reports every problem", () => {
    expect([...problemLines(skipped)].sort()).toEqual([...EXPECTED_ERRORS].sort());
  });

  it("lists the skipped documents", () => {
    expect(skipped.stderr).toContain(`Skipped ${INVALID_FILES.length} invalid documents: ${INVALID_FILES.join(", ")}`);
  });

  it("publishes the valid documents, including a BOM, CRLF lines, numbers as strings, a single topic and only an update date", () => {
    expect([...skippedPages].sort()).toEqual([...VALID_PAGES].sort());
  });

  it("files a topic given as a single string as one topic", () => {
    expect(readFileSync(join(dir, "dist", "topics", "harbour", "index.html"), "utf8")).toContain("Single Topic Story");
  });

  it("counts the scheduled story and the skipped documents in the summary", () => {
    expect(skipped.stdout).toContain(`${VALID_PAGES.length} published, excluded: 1 scheduled, ${INVALID_FILES.length} invalid`);
  });

  it("never prints a document's secured value", () => {
    for (const secret of secrets) for (const half of secret.split(";")) expect(skipped.stdout + skipped.stderr).not.toContain(half);
  });
});

describe("a content folder that does not exist", () => {
  it("is a one-line usage error with exit code 2, not a crash", () => {
    const run = runBuild(dir, ["--content", join(dir, "no-such-folder")]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(`the content folder ${join(dir, "no-such-folder")} does not exist (set it with --content DIR)`);
  });
});
