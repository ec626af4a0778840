import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect } from "vitest";

/** Elements that may repeat, so the parsed tree has an array for them even when there is one. RSS has one link per element. */
const REPEATING = new Set(["item", "entry", "category", "link", "url", "sitemap", "media:content"]);
const repeats = (name: string, path: string) => REPEATING.has(name) && !(name === "link" && path.startsWith("rss."));

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  // Decodes numeric character references (`&#39;`) too, as any XML parser must.
  htmlEntities: true,
  // Keep every value a string, so a title such as "2026" stays text.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name, path) => repeats(name, String(path)),
});

/**
 * A generated XML file as a tree, after checking it is well formed and starts with the XML
 * declaration at its very first byte (anything before it makes the file invalid).
 */
export function parseXml(text: string, file = "XML"): any {
  expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n'), `${file} starts with the XML declaration`).toBe(true);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`${file} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  return parser.parse(text);
}
