import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { Parser } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMBED_HOSTS } from "../../src/content/html.ts";
import { listFiles, makeTempDir, readOutput, writeContent, type CliRun } from "../helpers/fixtures.ts";
import { readUnpacked, runBuildWithSearch, secretForms } from "./cli.ts";
import { DOCUMENTS, LIVE_MARKUP, secrets, UNSAFE_URLS } from "./untrusted-fields.fixture.ts";

/** One build of valid documents whose every field is hostile (see the fixture), with the search index on. */

const dir = makeTempDir("broadsheet-untrusted-");
let run: CliRun;
let files: string[];
const dist = (path = "") => join(dir, "dist", path);
const text = (path: string) => readFileSync(dist(path), "utf8");
const htmlFiles = () => files.filter((f) => f.endsWith(".html"));
const markupPage = () => files.find((f) => f.startsWith("2026/03/14/ferry-"))!;
const escaped = (label: string) => `&lt;script&gt;alert(&quot;${label}&quot;)&lt;/script&gt;`;

interface Tag {
  file: string;
  name: string;
  attribs: Record<string, string>;
  text: string;
}

/** Every element of every HTML page, as a browser's parser would see it. */
function allTags(): Tag[] {
  const tags: Tag[] = [];
  for (const file of htmlFiles()) {
    const open: Tag[] = [];
    new Parser(
      {
        onopentag: (name, attribs) => {
          const tag = { file, name, attribs, text: "" };
          tags.push(tag);
          open.push(tag);
        },
        ontext: (data) => {
          if (open.length > 0) open[open.length - 1]!.text += data;
        },
        onclosetag: () => void open.pop(),
      },
      { decodeEntities: true },
    ).end(text(file));
  }
  return tags;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  writeContent(dir, DOCUMENTS);
  run = runBuildWithSearch(dir);
  files = listFiles(dist());
});

describe("a build of valid documents with hostile fields", () => {
  it("succeeds", () => {
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.status).toBe(0);
  });

  it("publishes every document", () => {
    expect(run.stdout).toContain(`${Object.keys(DOCUMENTS).length} published`);
  });
});

describe("markup in text fields", () => {
  it.each(LIVE_MARKUP)("never reaches an HTML or XML file as markup: %s", (live) => {
    const carriers = files.filter((f) => /\.(html|xml)$/.test(f) && text(f).includes(live));
    expect(carriers).toEqual([]);
  });

  it.each(["title", "excerpt", "category", "topic", "provider", "author", "image-title", "related-title", "related-excerpt", "related-provider", "action"])(
    "is shown as text on the article page: %s",
    (label) => {
      expect(text(markupPage())).toContain(escaped(label));
    },
  );

  it("is shown as text in the topic, provider and category directories", () => {
    for (const [folder, label] of [["topics", "topic"], ["providers", "provider"], ["categories", "category"]]) expect(text(`${folder}/index.html`)).toContain(escaped(label!));
  });

  it("puts no content into any script that runs", () => {
    const runnable = allTags().filter((t) => t.name === "script" && !/json/.test(t.attribs.type ?? "") && /alert\(/.test(t.text));
    expect(runnable.map((t) => t.file)).toEqual([]);
  });

  it("puts content into JSON scripts (structured data) only as valid JSON that cannot close the element", () => {
    const json = allTags().filter((t) => t.name === "script" && /json/.test(t.attribs.type ?? "") && /alert\(/.test(t.text));
    expect(json.length).toBeGreaterThan(0);
    for (const script of json) {
      expect(script.text).not.toContain("<");
      expect(() => JSON.parse(script.text)).not.toThrow();
    }
  });

  it("adds no event-handler attribute to any element", () => {
    const handlers = allTags().flatMap((t) => Object.keys(t.attribs).filter((a) => a.startsWith("on")).map((a) => `${t.file}: <${t.name} ${a}>`));
    expect(handlers).toEqual([]);
  });

  it("reaches RSS readers as text: a <description> is read as HTML, so its markup must be escaped once more", () => {
    const rss = new XMLParser({ isArray: (name) => name === "item" }).parse(text("feed.xml"));
    const description = rss.rss.channel.item.map((item: { description?: string }) => item.description ?? "").find((d: string) => d.startsWith("Excerpt"));
    const elements: string[] = [];
    new Parser({ onopentag: (name) => elements.push(name) }).end(description);
    expect(elements).toEqual([]);
  });
});

describe("template syntax", () => {
  it("is never evaluated, in any field or the body", () => {
    expect(files.filter((f) => readUnpacked(dist(f)).includes("7777"))).toEqual([]);
  });

  it("is shown literally on the article page, from the body and from fields", () => {
    const page = text(markupPage());
    expect(page).toContain('Body {{ 1111*7 }}{% include "body.njk" %} with <b>allowed</b> markup.');
    expect(page).toContain("{{ 1111*7 }}{% include &quot;title.njk&quot; %}");
    expect(page).toContain("{{ 1111*7 }}{% include &quot;related.njk&quot; %}");
  });
});

describe("URLs", () => {
  const URL_ATTRIBUTES = ["href", "src", "srcset", "action", "formaction", "poster", "xlink:href", "cite", "data"];

  it("in every HTML link or source are http, https, mailto, site-relative or fragments", () => {
    const unsafe = allTags().flatMap((t) =>
      URL_ATTRIBUTES.filter((a) => a in t.attribs && !/^(https?:\/\/|mailto:|\/|#)/i.test(t.attribs[a]!.trim())).map((a) => `${t.file}: <${t.name} ${a}="${t.attribs[a]}">`),
    );
    expect(unsafe).toEqual([]);
  });

  it("never carry javascript:, data: or vbscript: into any file made from documents, in any disguise", () => {
    const payloads = [/javascript:/i, /vbscript:/i, /data:text\/html/i, /avascript&colon;/i, /&#x?0*6a;?avascript/i, /java\tscript/i];
    // Scripts, styles and WebAssembly are the site's own code (Pagefind's UI among them), never made from documents.
    const fromDocuments = files.filter((f) => !/\.(js|css|wasm)$/.test(f));
    const carriers = fromDocuments.filter((f) => payloads.some((p) => p.test(readUnpacked(dist(f)).toString("utf8"))));
    expect(carriers).toEqual([]);
  });

  it.each([
    ["webUrl", UNSAFE_URLS[1]],
    ["ampWebUrl", UNSAFE_URLS[2]],
    ["cdnAmpWebUrl", UNSAFE_URLS[3]],
    ["provider.images[0].url", UNSAFE_URLS[0]],
    ["images[0].url", UNSAFE_URLS[5]],
    ["related[0].webUrl", UNSAFE_URLS[4]],
    ["related[1].images[0].url", UNSAFE_URLS[6]],
    ["actions[0].url", UNSAFE_URLS[0]],
  ])("are dropped from %s with a warning naming the field", (field, url) => {
    const scheme = /data/.test(url!) ? "data" : /vbscript/i.test(url!) ? "vbscript" : "javascript";
    expect(run.stderr).toContain(`warning: markup.md → ${field}: dropped: the ${scheme}: scheme is not allowed (${JSON.stringify(url)})`);
  });

  it.each(UNSAFE_URLS.filter((u) => !u.includes("\t")))("are dropped from the body with a warning: %s", (url) => {
    const decoded = url.trim().replace("&#106;", "j").replace("&#x6A;", "j").replace("&colon;", ":");
    expect(run.stderr).toMatch(new RegExp(`warning: markup\\.md → \\(body\\): dropped: the \\w+: scheme is not allowed \\(${JSON.stringify(decoded).replace(/[()*+?.[\]\\^$|]/g, "\\$&")}\\)`));
  });

  it("keep the story's safe links", () => {
    const page = text(markupPage());
    expect(page).toContain('href="https://harbourtimes.example/markup-story"');
    expect(page).toContain('href="https://other.example/safe"');
    expect(page).toContain('href="https://harbourtimes.example/timetable.pdf"');
  });
});

describe("HTML in bodies and featuredContent", () => {
  it("keeps only frames from the video hosts on the allow-list", () => {
    const frames = allTags().filter((t) => t.name === "iframe");
    expect(frames.map((t) => new URL(t.attribs.src!).hostname).every((host) => EMBED_HOSTS.includes(host))).toBe(true);
    expect(frames.map((t) => t.attribs.src).sort()).toEqual(["https://www.youtube-nocookie.com/embed/tram", "https://www.youtube.com/embed/allowed-video"]);
  });

  it("keeps no handler, srcdoc or style on a frame", () => {
    const frames = allTags().filter((t) => t.name === "iframe");
    expect(frames.flatMap((t) => Object.keys(t.attribs).filter((a) => !["src", "width", "height", "title", "allow", "allowfullscreen", "loading"].includes(a)))).toEqual([]);
  });

  it("loads nothing from styles in a document", () => {
    expect(files.filter((f) => text(f).includes("track.example"))).toEqual([]);
  });

  it("warns about a featuredContent that holds no allowed player", () => {
    expect(run.stderr).toContain("warning: markup.md → featuredContent: dropped: only video embeds from allowed hosts are kept");
  });

  it("keeps the allowed markup of the body", () => {
    expect(text(markupPage())).toContain("<b>allowed</b>");
  });
});

describe("names that make awkward URLs", () => {
  const articlePages = () => files.filter((f) => /^2026\/03\/14\/[^/]+\/index\.html$/.test(f));
  const pageOf = (title: string) => articlePages().find((f) => text(f).includes(`<h1 class="story-title">${title}</h1>`));

  it("writes no file outside the output folder", () => {
    expect(listFiles(dir).filter((f) => !/^(content|dist|\.cache)\//.test(f))).toEqual([]);
  });

  it("gives every output path only ordinary segments", () => {
    expect(files.filter((f) => f.split("/").some((segment) => segment === "" || segment === "." || segment === ".." || segment.includes("\\")))).toEqual([]);
  });

  it("never gives two files paths that differ only in case or Unicode normalisation", () => {
    const folded = files.map((f) => f.normalize("NFC").toLowerCase());
    expect(new Set(folded).size).toBe(files.length);
  });

  it("turns a headline that looks like a path into an ordinary slug", () => {
    expect(pageOf("../../../../escape/index.html")).toBe("2026/03/14/escape-indexhtml/index.html");
  });

  it("gives headlines that slug to nothing (dots, punctuation, emoji) a short hash", () => {
    for (const title of ["..", "!!! ??? ...", "🚢🌙✨"]) expect(pageOf(title)).toMatch(/^2026\/03\/14\/x-[0-9a-f]{6}\/index\.html$/);
  });

  it("keeps CJK and right-to-left headlines in their own letters", () => {
    expect(pageOf("港口渡轮增加夜间航班")).toBe("2026/03/14/港口渡轮增加夜间航班/index.html");
    expect(pageOf("עבורת הנמל מוסיפה הפלגות לילה")).toBe("2026/03/14/עבורת-הנמל-מוסיפה-הפלגות-לילה/index.html");
  });

  it("cuts a very long headline's slug to 80 characters", () => {
    const page = articlePages().find((f) => f.includes("/long-headline"))!;
    expect(page.split("/")[3]!.length).toBeLessThanOrEqual(80);
  });

  it("gives headlines that differ only in case, accents or normalisation form their own pages, the earliest the plain slug", () => {
    expect(pageOf("Café Reopens")).toBe("2026/03/14/cafe-reopens/index.html");
    const others = ["CAFÉ REOPENS", "Cafe\u0301 Reopens", "Cafe Reopens"].map(pageOf);
    expect(others.every((p) => /^2026\/03\/14\/cafe-reopens-[0-9a-f]{6}\/index\.html$/.test(p ?? ""))).toBe(true);
    expect(new Set(others).size).toBe(3);
  });

  it("merges topics that differ only in case or normalisation form into one page", () => {
    const cafe = text("topics/cafe/index.html");
    expect(["Café Reopens", "CAFÉ REOPENS", "Cafe\u0301 Reopens"].every((t) => cafe.includes(t))).toBe(true);
    expect(cafe).not.toContain(">Cafe Reopens<");
  });

  it("keeps topics that differ in accents or punctuation apart, each on its own page", () => {
    const topicFolders = files.filter((f) => /^topics\/[^/]+\/index\.html$/.test(f)).map((f) => f.split("/")[1]);
    expect(topicFolders).toEqual(expect.arrayContaining(["cafe", "ai", "a-i"]));
    expect(topicFolders.filter((f) => /^cafe-[0-9a-f]{6}$/.test(f!))).toHaveLength(1);
    expect(topicFolders.filter((f) => /^ai-[0-9a-f]{6}$/.test(f!))).toHaveLength(1);
  });

  it("keeps topic names that are paths or dots inside the topics folder", () => {
    expect(files).toContain("topics/topics-escape/index.html");
    expect(files.filter((f) => /^topics\/x-[0-9a-f]{6}\/index\.html$/.test(f))).toHaveLength(2);
  });
});

describe("a 200 KB excerpt", () => {
  it("is shown whole on its article page", () => {
    const page = files.find((f) => f.includes("/long-headline"))!;
    expect(text(page)).toContain(" long excerpt".repeat(16_000));
  });

  it("is cut short on cards", () => {
    expect(readOutput(dir, "index.html")).not.toContain(" long excerpt".repeat(100));
  });
});

describe("the secured values", () => {
  const forms = secrets.flatMap(secretForms);

  it("are looked for in the search index too, which the scan reads unpacked", () => {
    const index = files.filter((f) => f.startsWith("pagefind/"));
    expect(index.some((f) => readUnpacked(dist(f)).includes("港口渡轮增加夜间航班"))).toBe(true);
  });

  it("appear in no output file, compressed or not", () => {
    const carriers = files.filter((f) => {
      const bytes = readUnpacked(dist(f));
      return forms.some((form) => bytes.includes(form));
    });
    expect(carriers).toEqual([]);
  });

  it("appear in nothing the build keeps for the next one", () => {
    const cache = listFiles(join(dir, ".cache")).filter((f) => forms.some((form) => readFileSync(join(dir, ".cache", f)).includes(form)));
    expect(cache).toEqual([]);
  });

  it("appear in nothing the build printed", () => {
    expect(forms.filter((form) => run.stdout.includes(form) || run.stderr.includes(form))).toEqual([]);
  });
});
