import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { checkUrl } from "./safe-url.ts";

/** Hosts whose players may be embedded from `featuredContent`. */
export const EMBED_HOSTS = ["www.youtube.com", "youtube.com", "www.youtube-nocookie.com", "youtube-nocookie.com", "player.vimeo.com"];

// Raw HTML in bodies is not passed through: documents are untrusted content, not templates.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const BODY_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "strong", "em", "code", "pre",
    "a", "img", "table", "thead", "tbody", "tr", "th", "td", "del", "s", "sup", "sub",
  ],
  allowedAttributes: { a: ["href", "title", "rel"], img: ["src", "alt", "title", "width", "height"], ol: ["start"], th: ["align"], td: ["align"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  // Headings in a body sit below the page's own h1.
  transformTags: {
    h1: "h2",
    a: (tagName, attribs) => ({ tagName, attribs: { ...withSafeUrl(attribs, "href"), rel: "nofollow noopener" } }),
    img: (tagName, attribs) => ({ tagName, attribs: withSafeUrl(attribs, "src") }),
  },
};

const EMBED_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ["iframe"],
  allowedAttributes: { iframe: ["src", "width", "height", "title", "allow", "allowfullscreen", "loading"] },
  allowedSchemes: ["https"],
  allowedIframeHostnames: EMBED_HOSTS,
  allowIframeRelativeUrls: false,
  allowProtocolRelative: false,
  exclusiveFilter: (frame) => frame.tag === "iframe" && !frame.attribs["src"],
};

/** Markdown body → HTML that holds no script, handler, style or frame. */
export function renderBody(source: string): string {
  return sanitizeHtml(markdown.render(source), BODY_POLICY).trim();
}

/** `featuredContent` → only iframes from the embed allow-list survive; everything else is dropped. */
export function sanitiseEmbed(html: string): string {
  return sanitizeHtml(html, EMBED_POLICY).trim();
}

// Relative paths like `foo/bar` would resolve differently on every page; only the shared gate decides.
function withSafeUrl(attribs: sanitizeHtml.Attributes, name: string): sanitizeHtml.Attributes {
  const value = attribs[name];
  if (value === undefined) return attribs;
  const { [name]: _dropped, ...rest } = attribs;
  const check = checkUrl(value);
  return check.ok ? { ...rest, [name]: check.url } : rest;
}
