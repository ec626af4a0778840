import { DomUtils, parseDocument } from "htmlparser2";

type Document = ReturnType<typeof parseDocument>;
export type Element = ReturnType<typeof DomUtils.findAll>[number];

/** An attribute test: an exact value, a pattern, or `true` for "present with any value". */
type AttributeTest = string | RegExp | true;

/**
 * A built HTML page, parsed the way a browser's tokenizer would read it, with small finders
 * (tag name plus attribute tests) so tests can say what a reader or a crawler finds on the page.
 */
export class HtmlPage {
  readonly document: Document;

  constructor(readonly html: string) {
    this.document = parseDocument(html);
  }

  /** Every element with this tag (`*` for any) and these attributes, in document order. */
  all(tag: string, attributes: Record<string, AttributeTest> = {}, within: Element | Document = this.document): Element[] {
    return DomUtils.findAll((el) => (tag === "*" || el.name === tag) && matches(el, attributes), within.children);
  }

  /** The one element with this tag and these attributes; throws if there are none or several. */
  one(tag: string, attributes: Record<string, AttributeTest> = {}, within: Element | Document = this.document): Element {
    const found = this.all(tag, attributes, within);
    if (found.length !== 1) throw new Error(`expected one <${tag}> matching ${JSON.stringify(attributes, replacer)}, found ${found.length}`);
    return found[0]!;
  }

  /** The first <a> whose visible text is `text`. */
  link(text: string | RegExp, within: Element | Document = this.document): Element | undefined {
    return this.all("a", {}, within).find((a) => (typeof text === "string" ? textOf(a) === text : text.test(textOf(a))));
  }

  /** The content of `<meta property=…>` or `<meta name=…>`. */
  meta(key: string): string | undefined {
    const tag = this.all("meta").find((m) => m.attribs["property"] === key || m.attribs["name"] === key);
    return tag?.attribs["content"];
  }
}

/** Text as a reader sees it: entities decoded, runs of white space collapsed. */
export function textOf(node: Parameters<typeof DomUtils.textContent>[0]): string {
  return DomUtils.textContent(node).replace(/\s+/g, " ").trim();
}

function matches(el: Element, attributes: Record<string, AttributeTest>): boolean {
  return Object.entries(attributes).every(([name, test]) => {
    const value = el.attribs[name];
    if (value === undefined) return false;
    if (test === true) return true;
    return typeof test === "string" ? value === test : test.test(value);
  });
}

function replacer(_key: string, value: unknown): unknown {
  return value instanceof RegExp ? String(value) : value;
}
