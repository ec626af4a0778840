import { documentText, storyFields } from "../helpers/fixtures.ts";
import { makeSecret } from "./cli.ts";

/**
 * Valid documents whose every field is hostile: markup, template syntax, unsafe URLs, names that
 * look like paths or slug to nothing, and a marked secret in each. They must build, and the output
 * must show the text as text, link only to safe URLs and never hold a secret.
 */

/** Markup that would run if any template or feed interpreted it; `label` says which field it came from. */
export const markup = (label: string) => `<script>alert("${label}")</script><img src=x onerror=alert("${label}")>`;
/** Template syntax that would print 7777 or include a file if any template evaluated it. */
export const template = (label: string) => `{{ 1111*7 }}{% include "${label}.njk" %}`;
/** What must never appear raw in an HTML or XML file. */
export const LIVE_MARKUP = ['<script>alert("', "<img src=x onerror"];

export const UNSAFE_URLS = [
  "javascript:alert(1)",
  " JaVaScRiPt:alert(2)",
  "java\tscript:alert(3)",
  "&#106;avascript:alert(4)",
  "&#x6A;avascript&colon;alert(5)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==",
  "vbscript:msgbox(7)",
];

export const secrets = Array.from({ length: 10 }, (_, i) => makeSecret(`fields-${i}`));

const fields = (n: number, overrides: Record<string, unknown>) => storyFields({ secured: secrets[n], ...overrides });

export const DOCUMENTS: Record<string, string> = {
  // Markup and template syntax in every text field; every URL field unsafe in a different way.
  "markup.md": documentText(
    fields(0, {
      title: `Ferry ${markup("title")} ${template("title")}`,
      excerpt: `Excerpt ${markup("excerpt")} ${template("excerpt")}`,
      category: `news ${markup("category")}`,
      topics: [`Transport ${markup("topic")}`, `Harbour ${template("topic")}`],
      provider: {
        name: `Harbour Times ${markup("provider")}`,
        domain: "harbourtimes.example",
        images: [{ url: UNSAFE_URLS[0], width: 64, height: 64 }],
        authors: [{ name: `Ann ${markup("author")}` }],
        secured: secrets[1],
      },
      originalUrl: "https://harbourtimes.example/markup-story",
      webUrl: UNSAFE_URLS[1],
      ampWebUrl: UNSAFE_URLS[2],
      cdnAmpWebUrl: UNSAFE_URLS[3],
      images: [
        { url: UNSAFE_URLS[5], width: 1200, height: 800, title: "unsafe lead" },
        { url: "https://images.example/ferry.jpg", width: 1200, height: 800, title: `Ferry at dusk ${markup("image-title")}` },
      ],
      related: [
        { title: `Related ${markup("related-title")} ${template("related")}`, excerpt: `Related excerpt ${markup("related-excerpt")}`, webUrl: UNSAFE_URLS[4], provider: { name: `Other ${markup("related-provider")}` }, secured: secrets[2] },
        { title: "Safe related", webUrl: "https://other.example/safe", images: [{ url: UNSAFE_URLS[6] }] },
      ],
      actions: [
        { url: UNSAFE_URLS[0], type: "download", title: "Unsafe download" },
        { url: "https://harbourtimes.example/timetable.pdf", type: "download", title: `Timetable ${markup("action")}` },
      ],
      featuredContent: `<iframe src="https://evil.example/embed"></iframe>${markup("featured")}`,
    }),
    [
      `Body ${template("body")} with <b>allowed</b> markup.`,
      "",
      `<script>alert("body")</script><p onclick="alert('body-handler')" style="background:url(https://track.example/p)">para</p>`,
      `<style>body { background: url(https://track.example/s) }</style><link rel="stylesheet" href="https://track.example/l.css">`,
      `<iframe src="https://evil.example/frame"></iframe><iframe src="https://www.youtube.com/embed/allowed-video" onload="alert('frame')"></iframe>`,
      "",
      ...UNSAFE_URLS.map((url, i) => `[link ${i}](<${url}>) <a href="${url}">html link ${i}</a> ![image ${i}](<${url}>)`),
      "",
    ].join("\n"),
  ),
  "embed.md": documentText(
    fields(3, {
      title: "Tram Line Opening Video",
      originalUrl: "https://harbourtimes.example/tram-video",
      type: "video",
      featuredContent: '<iframe src="https://www.youtube-nocookie.com/embed/tram" onload="alert(1)" srcdoc="<script>alert(2)</script>" width="560" height="315"></iframe><script>alert(3)</script>',
    }),
  ),
  // Headlines that are paths, slug to nothing, or are in other scripts.
  "path.md": documentText(fields(4, { title: "../../../../escape/index.html", originalUrl: "https://harbourtimes.example/p1", topics: ["../../topics-escape"] })),
  "dots.md": documentText(fields(4, { title: "..", originalUrl: "https://harbourtimes.example/p2", topics: ["."] })),
  "punctuation.md": documentText(fields(5, { title: "!!! ??? ...", originalUrl: "https://harbourtimes.example/p3" })),
  "cjk.md": documentText(fields(5, { title: "港口渡轮增加夜间航班", originalUrl: "https://harbourtimes.example/p4", topics: ["交通"] })),
  "rtl.md": documentText(fields(6, { title: "עבורת הנמל מוסיפה הפלגות לילה", originalUrl: "https://harbourtimes.example/p5", topics: ["תחבורה"] })),
  "emoji.md": documentText(fields(6, { title: "🚢🌙✨", originalUrl: "https://harbourtimes.example/p6", topics: ["🚢"] })),
  "long.md": documentText(fields(7, { title: `Long ${"headline ".repeat(60)}`, excerpt: "a".repeat(100) + " long excerpt".repeat(16_000), originalUrl: "https://harbourtimes.example/p7" })),
  // Headlines and topics that differ only in case, accents or Unicode normalisation form.
  "case-1.md": documentText(fields(8, { title: "Café Reopens", originalUrl: "https://harbourtimes.example/c1", publishedDateTime: "2026-03-14T08:00:00Z", topics: ["Café", "AI"] })),
  "case-2.md": documentText(fields(8, { title: "CAFÉ REOPENS", originalUrl: "https://harbourtimes.example/c2", publishedDateTime: "2026-03-14T09:00:00Z", topics: ["CAFÉ", "ai"] })),
  "case-3.md": documentText(fields(9, { title: "Cafe\u0301 Reopens", originalUrl: "https://harbourtimes.example/c3", publishedDateTime: "2026-03-14T10:00:00Z", topics: ["Cafe\u0301", "A.I."] })),
  "case-4.md": documentText(fields(9, { title: "Cafe Reopens", originalUrl: "https://harbourtimes.example/c4", publishedDateTime: "2026-03-14T11:00:00Z", topics: ["Cafe", "A I"] })),
};
