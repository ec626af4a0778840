import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/content/content-error.ts";
import { loadDocument } from "../../src/content/load-content.ts";
import { validateArticle } from "../../src/content/validate-article.ts";
import { storyFields } from "../helpers/fixtures.ts";

const SECRET = "bWFya2VkLXNlY3JldC1vbmU=;aXYtb25l";

function validate(fields: Record<string, unknown>, body = "") {
  return validateArticle({ file: "doc.md", revision: "r1", data: fields, body });
}

function article(fields: Record<string, unknown>, body = "") {
  const result = validate(fields, body);
  if (!result.ok) throw new Error(`expected a valid article, got: ${result.errors.map(formatIssue).join("; ")}`);
  return result;
}

function errorLines(fields: Record<string, unknown>, body = ""): string[] {
  const result = validate(fields, body);
  return result.ok ? [] : result.errors.map(formatIssue);
}

describe("validateArticle: required fields", () => {
  it("accepts the minimal story", () => {
    expect(article(storyFields()).article).toMatchObject({ title: "Harbour Ferry Adds Night Sailings", publishedDateTime: "2026-03-14T08:30:00Z", topics: ["Transport"] });
  });

  it("reports a missing headline", () => {
    expect(errorLines(storyFields({ title: undefined }))).toEqual(["doc.md → title: is required"]);
  });

  it("reports an empty headline", () => {
    expect(errorLines(storyFields({ title: "" }))).toEqual(['doc.md → title: must not be empty ("")']);
  });

  it("reports a missing date", () => {
    expect(errorLines(storyFields({ publishedDateTime: undefined }))).toEqual(["doc.md → publishedDateTime: is required (a news item needs a publication date-time such as 2024-05-01T09:30:00Z)"]);
  });

  it("takes the date from updatedDateTime when publishedDateTime is missing", () => {
    expect(article(storyFields({ publishedDateTime: undefined, updatedDateTime: "2026-03-15T10:00:00Z" })).article.publishedDateTime).toBe("2026-03-15T10:00:00Z");
  });

  it("reports a missing provider", () => {
    expect(errorLines(storyFields({ provider: undefined }))).toEqual(["doc.md → provider: is required (the outlet: a map with a name, and usually a domain)"]);
  });

  it("reports every problem of a document, not just the first", () => {
    expect(errorLines(storyFields({ title: "", publishedDateTime: "2024-13-45", quality: "high" }))).toEqual([
      'doc.md → title: must not be empty ("")',
      'doc.md → publishedDateTime: is not a real date-time: there is no month 13 ("2024-13-45")',
      'doc.md → quality: must be a whole number ("high")',
    ]);
  });
});

describe("validateArticle: loose but unambiguous values", () => {
  it("accepts numbers written as strings", () => {
    expect(article(storyFields({ quality: "42", heat: "-1", images: [{ url: "https://i.example/a.png", width: "1200", height: "800" }] })).article).toMatchObject({
      quality: 42,
      heat: -1,
      images: [{ url: "https://i.example/a.png", width: 1200, height: 800 }],
    });
  });

  it("accepts a single topic written as a string", () => {
    expect(article(storyFields({ topics: "Transport" })).article.topics).toEqual(["Transport"]);
  });

  it("keeps one spelling of topics that differ only in case, spacing or Unicode form", () => {
    expect(article(storyFields({ topics: ["Café", "CAFÉ", "Cafe\u0301", " café "] })).article.topics).toEqual(["Café"]);
  });

  it("rejects aliases that would expand to a billion topics in milliseconds, without expanding them", () => {
    const levels = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    const yaml = [
      "---",
      "title: Alias Bomb",
      "publishedDateTime: 2026-03-14T08:30:00Z",
      "provider: Harbour Times",
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...levels.slice(1).map((name, i) => `${name}: &${name} [${Array(10).fill(`*${levels[i]}`).join(", ")}]`),
      `topics: [${Array(10).fill("*i").join(", ")}]`,
      "---",
    ].join("\n");
    const started = performance.now();
    const result = loadDocument("bomb.md", new TextEncoder().encode(yaml));
    expect(performance.now() - started).toBeLessThan(200);
    expect(result.ok ? [] : result.errors.map(formatIssue)).toEqual(["bomb.md → topics[0]: must be text, not a nested list or map (a list of 10)"]);
  });

  it("rejects topics given as nested lists", () => {
    expect(errorLines(storyFields({ topics: [["Transport", "Harbour"]] }))).toEqual(["doc.md → topics[0]: must be text, not a nested list or map (a list of 2)"]);
  });
});

describe("validateArticle: text fields stay text", () => {
  it("keeps markup in every text field as literal characters for templates to escape", () => {
    const { article: a } = article(
      storyFields({
        title: "<script>alert(1)</script>",
        excerpt: "<img src=x onerror=alert(2)>",
        category: "<b>news</b>",
        topics: ["<i>Transport</i>"],
        provider: { name: "<u>Harbour Times</u>" },
        images: [{ url: "https://i.example/a.png", title: "<em>ferry</em>" }],
        related: [{ title: "<s>related</s>", webUrl: "https://other.example/x" }],
      }),
    );
    expect([a.title, a.excerpt, a.category, a.topics[0], a.provider.name, a.images[0]!.title, a.related[0]!.title]).toEqual([
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(2)>",
      "<b>news</b>",
      "<i>Transport</i>",
      "<u>Harbour Times</u>",
      "<em>ferry</em>",
      "<s>related</s>",
    ]);
  });
});

describe("validateArticle: URLs", () => {
  it("drops unsafe URLs in every URL field with one warning each, and keeps the story", () => {
    const result = article(
      storyFields({
        webUrl: "javascript:alert(1)",
        originalUrl: " JAVASCRIPT:alert(2)",
        ampWebUrl: "data:text/html,x",
        provider: { name: "Harbour Times", images: [{ url: "vbscript:x" }] },
        images: [{ url: "&#106;avascript:alert(3)" }],
        related: [{ title: "Related", webUrl: "javascript:alert(4)", images: [{ url: "data:image/png;base64,AA" }] }],
        actions: [{ url: "javascript:alert(5)", title: "Download" }],
      }),
    );
    expect(result.warnings.map((w) => `${w.field}: ${w.reason}`)).toEqual([
      "originalUrl: dropped: the javascript: scheme is not allowed",
      "webUrl: dropped: the javascript: scheme is not allowed",
      "ampWebUrl: dropped: the data: scheme is not allowed",
      "provider.images[0].url: dropped: the vbscript: scheme is not allowed",
      "images[0].url: dropped: the javascript: scheme is not allowed",
      "related[0].webUrl: dropped: the javascript: scheme is not allowed",
      "related[0].images[0].url: dropped: the data: scheme is not allowed",
      "actions[0].url: dropped: the javascript: scheme is not allowed",
    ]);
    expect(JSON.stringify(result.article)).not.toMatch(/javascript|vbscript|data:/i);
  });

  it("warns about unsafe links in the body", () => {
    const result = article(storyFields(), "[a](javascript:alert(1))");
    expect(result.warnings.map(formatIssue)).toEqual(['doc.md → (body): dropped: the javascript: scheme is not allowed ("javascript:alert(1)")']);
    expect(result.article.bodyHtml).toBe('<p><a rel="nofollow noopener">a</a></p>');
  });

  it("keeps only allowed video players from featuredContent", () => {
    const result = article(storyFields({ featuredContent: '<iframe src="https://www.youtube.com/embed/abc"></iframe><script>alert(1)</script>' }));
    expect(result.article.featuredHtml).toBe('<iframe src="https://www.youtube.com/embed/abc"></iframe>');
  });

  it("drops featuredContent that holds no allowed player, with a warning", () => {
    const result = article(storyFields({ featuredContent: '<iframe src="https://evil.example/"></iframe>' }));
    expect(result.article.featuredHtml).toBeUndefined();
    expect(result.warnings.map((w) => `${w.field}: ${w.reason}`)).toEqual(["featuredContent: dropped: only video embeds from allowed hosts are kept"]);
  });
});

describe("validateArticle: the secured value", () => {
  it("never copies secured or unknown fields into the article", () => {
    const result = article(storyFields({ secured: SECRET, curatorNotes: SECRET }));
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it("refuses a field that a YAML alias made a copy of the secured value", () => {
    expect(errorLines(storyFields({ secured: SECRET, excerpt: SECRET }))).toEqual(["doc.md → excerpt: must not contain the document's secured value (withheld: it holds the secured value)"]);
  });

  it("refuses a body that spells the secured value, also through entities", () => {
    const spelled = [...SECRET].map((c) => `&#${c.charCodeAt(0)};`).join("");
    expect(errorLines(storyFields({ secured: SECRET }), `Key: ${spelled}`)).toEqual(["doc.md → (body): must not contain the document's secured value"]);
  });
});
