import * as luxon from "luxon";
import { describe, expect, it } from "vitest";
import { FieldReader, foldWhitespace } from "../../src/content/fields.ts";
import { Random } from "../../bench/prng.ts";

const reader = (secret?: string) => new FieldReader("doc.md", secret);

describe("FieldReader.text", () => {
  it("folds runs of whitespace and trims", () => {
    expect(reader().text("title", "  Ferry \n\t adds  sailings ")).toBe("Ferry adds sailings");
  });

  it("removes control characters", () => {
    expect(reader().text("title", "Ferry\u0000\u0007\u001b adds")).toBe("Ferry adds");
  });

  it("keeps markup and template syntax as literal text: templates escape it, nothing evaluates it", () => {
    expect(reader().text("title", "<b>Ferry</b> {{ 7*7 }} {% raw %}")).toBe("<b>Ferry</b> {{ 7*7 }} {% raw %}");
  });

  it("folds any text as the three-pass rule does, also when it returns the text untouched", () => {
    const fullRule = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").replace(/\s+/g, " ").trim();
    const alphabet = ["a", "é", " ", " ", "\t", "\n", "\r", "\u000b", "\u0000", "\u001b", "\u007f", "\u0085", "\u00a0", "\u2028", "\u3000", "\ufeff", "-"];
    const random = new Random(5);
    for (let i = 0; i < 5_000; i++) {
      const text = Array.from({ length: random.int(0, 7) }, () => random.pick(alphabet)).join("");
      expect(foldWhitespace(text), JSON.stringify(text)).toBe(fullRule(text));
    }
  });

  it("accepts a number as its digits", () => {
    expect(reader().text("title", 2026)).toBe("2026");
  });

  it("reports a list or map where text belongs", () => {
    const read = reader();
    expect(read.text("title", ["a"])).toBeUndefined();
    expect(read.errors).toEqual([{ file: "doc.md", field: "title", reason: "must be text", found: "a list of 1" }]);
  });

  it("keeps a 200 KB value whole and describes it in a few characters when it is wrong", () => {
    const long = "word ".repeat(40_000);
    expect(reader().text("excerpt", long)).toHaveLength(long.length - 1);
    const read = reader();
    read.integer("quality", long);
    expect(read.errors[0]!.found!.length).toBeLessThan(70);
  });
});

describe("FieldReader.requiredText", () => {
  it("reports a missing value", () => {
    const read = reader();
    read.requiredText("title", undefined);
    expect(read.errors).toEqual([{ file: "doc.md", field: "title", reason: "is required" }]);
  });

  it("reports a value that is empty once whitespace is folded", () => {
    const read = reader();
    read.requiredText("title", " \n ");
    expect(read.errors).toEqual([{ file: "doc.md", field: "title", reason: "must not be empty", found: '" \\n "' }]);
  });
});

describe("FieldReader.integer", () => {
  it("accepts numbers written as strings", () => {
    expect(reader().integer("quality", "42")).toBe(42);
    expect(reader().integer("heat", " -1 ")).toBe(-1);
  });

  it("reports fractions and words", () => {
    const read = reader();
    read.integer("quality", "4.5");
    read.integer("heat", "hot");
    expect(read.errors.map((e) => `${e.field}: ${e.reason} (${e.found})`)).toEqual(['quality: must be a whole number ("4.5")', 'heat: must be a whole number ("hot")']);
  });
});

describe("FieldReader.boolean", () => {
  it("accepts true and false, also as strings", () => {
    expect([reader().boolean("published", true), reader().boolean("published", "false")]).toEqual([true, false]);
  });

  it("reports anything else", () => {
    const read = reader();
    read.boolean("published", "yes");
    expect(read.errors[0]).toMatchObject({ field: "published", reason: "must be true or false", found: '"yes"' });
  });
});

describe("FieldReader.dateTime", () => {
  const problem = (value: unknown) => {
    const read = reader();
    expect(read.dateTime("publishedDateTime", value)).toBeUndefined();
    return `${read.errors[0]!.reason} (${read.errors[0]!.found})`;
  };

  it("normalises ISO 8601 to UTC", () => {
    expect(reader().dateTime("publishedDateTime", "2024-05-01T11:30:00+02:00")).toBe("2024-05-01T09:30:00Z");
  });

  it("reads a value without an offset as UTC and accepts YAML's space before the time", () => {
    expect(reader().dateTime("publishedDateTime", "2024-05-01 09:30:00")).toBe("2024-05-01T09:30:00Z");
  });

  it("reports an unparsable value", () => {
    expect(problem("yesterday")).toBe('is not an ISO 8601 date-time such as 2024-05-01T09:30:00Z ("yesterday")');
  });

  it("reports an impossible month instead of rolling it over", () => {
    expect(problem("2024-13-45")).toBe('is not a real date-time: there is no month 13 ("2024-13-45")');
  });

  it("reports an impossible day", () => {
    expect(problem("2025-02-29T10:00:00Z")).toBe('is not a real date-time: there is no day 29 in that month ("2025-02-29T10:00:00Z")');
  });

  it("reports an impossible hour", () => {
    expect(problem("2025-02-03T25:00:00Z")).toBe('is not a real date-time: there is no hour 25 ("2025-02-03T25:00:00Z")');
  });

  it("reports years outside 1000–9999", () => {
    expect(problem("0999-01-01T00:00:00Z")).toBe('must have a four-digit year ("0999-01-01T00:00:00Z")');
    expect(problem("12024-01-01T00:00:00Z")).toBe('must have a four-digit year ("12024-01-01T00:00:00Z")');
    expect(problem("+012024-01-01T00:00:00Z")).toBe('must have a four-digit year ("+012024-01-01T00:00:00Z")');
  });

  it("keeps a date already in the stored form, exactly as reading it through luxon would", () => {
    const throughLuxon = (value: string) => {
      const parsed = luxon.DateTime.fromISO(value, { zone: "utc", setZone: true });
      return parsed.isValid ? parsed.toUTC().toISO({ suppressMilliseconds: true }) : undefined;
    };
    const values = ["2024-02-29T23:59:59Z", "1000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2025-06-07T22:59:00Z", "2023-02-29T10:00:00Z", "2024-04-31T10:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z", "2024-12-31T23:59:60Z", "2024-00-10T10:00:00Z"];
    for (const value of values) expect(reader().dateTime("publishedDateTime", value), value).toBe(throughLuxon(value));
    expect(reader().dateTime("publishedDateTime", "2024-01-01T24:00:00Z")).toBe("2024-01-02T00:00:00Z");
  });

  it("reports a number where a date-time belongs", () => {
    expect(problem(20240501)).toBe("must be an ISO 8601 date-time such as 2024-05-01T09:30:00Z (20240501)");
  });
});

describe("FieldReader.url", () => {
  it("keeps http, https, mailto and site-relative URLs", () => {
    const read = reader();
    expect(["https://a.example/x", "http://a.example/", "mailto:desk@a.example", "/about/"].map((u) => read.url("webUrl", u))).toEqual(["https://a.example/x", "http://a.example/", "mailto:desk@a.example", "/about/"]);
    expect(read.warnings).toEqual([]);
  });

  it("drops a javascript: URL with a warning, not an error", () => {
    const read = reader();
    expect(read.url("webUrl", "javascript:alert(1)")).toBeUndefined();
    expect(read.errors).toEqual([]);
    expect(read.warnings).toEqual([{ file: "doc.md", field: "webUrl", reason: "dropped: the javascript: scheme is not allowed", found: '"javascript:alert(1)"' }]);
  });
});

describe("FieldReader.textList", () => {
  it("takes a single string as a list of one", () => {
    expect(reader().textList("topics", "Transport")).toEqual(["Transport"]);
  });

  it("skips empty items", () => {
    expect(reader().textList("topics", ["Transport", "", null, "Harbour"])).toEqual(["Transport", "Harbour"]);
  });

  it("refuses a nested list at its first item without walking into it", () => {
    const read = reader();
    // Stands for a YAML alias bomb: every level is the same array, so walking it would never end.
    const bomb: unknown[] = [];
    for (let i = 0; i < 10; i++) bomb.push(bomb);
    expect(read.textList("topics", ["Transport", bomb, bomb])).toEqual([]);
    expect(read.errors).toEqual([{ file: "doc.md", field: "topics[1]", reason: "must be text, not a nested list or map", found: "a list of 10" }]);
  });
});

describe("FieldReader and the document's secured value", () => {
  const secret = "c2VjcmV0LXZhbHVl;aXYtdmFsdWU=";

  it("refuses a text field that holds the secured value and never shows it", () => {
    const read = reader(secret);
    expect(read.text("title", `Leaked ${secret}`)).toBeUndefined();
    expect(read.errors).toEqual([{ file: "doc.md", field: "title", reason: "must not contain the document's secured value", found: "withheld: it holds the secured value" }]);
  });

  it("refuses a URL that holds the secured value", () => {
    const read = reader(secret);
    expect(read.url("webUrl", `https://a.example/?k=${secret}`)).toBeUndefined();
    expect(JSON.stringify(read.errors)).not.toContain(secret);
    expect(read.errors[0]!.reason).toBe("must not contain the document's secured value");
  });

  it("never quotes the secured value in other errors", () => {
    const read = reader(secret);
    read.integer("quality", secret);
    expect(read.errors[0]!.found).toBe("withheld: it holds the secured value");
  });

  it("ignores secured values too short to tell apart from ordinary words", () => {
    expect(reader("news").text("title", "Harbour news")).toBe("Harbour news");
  });
});
