import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { describe, expect, inject, it } from "vitest";
import { htmlFiles } from "./helpers/html-files.ts";
import { PROJECT_ROOT } from "./helpers/sample-site.ts";

const site = inject("site");
const config = JSON.parse(readFileSync(join(PROJECT_ROOT, ".htmlvalidate.json"), "utf8")) as ConfigData;
const validator = new HtmlValidate(new StaticConfigLoader(config));

describe("html-validate with the project's .htmlvalidate.json", () => {
  it("extends the recommended rules, so a broken page is reported", async () => {
    expect(config.extends).toContain("html-validate:recommended");
    const report = await validator.validateString(`<!doctype html><html lang="en"><head><title>x</title></head><body><div><p>unclosed <b>bold</div><img src="a.png"><button>Go</button></body></html>`, "known-bad.html");
    const rules = new Set(report.results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    expect(report.valid).toBe(false);
    expect(rules).toContain("close-order");
    expect(rules).toContain("wcag/h37");
    expect(rules).toContain("no-implicit-button-type");
  });

  it("finds no errors in any page of the built site", async () => {
    const files = htmlFiles(site.dir);
    expect(files.length, "pages to validate").toBeGreaterThan(100);
    const errors = new Map<string, string[]>();
    let validated = 0;
    for (const file of files) {
      const report = await validator.validateFile(file);
      validated += 1;
      for (const message of report.results.flatMap((r) => r.messages)) {
        if (message.severity !== 2) continue;
        const where = `/${relative(site.dir, file)}:${message.line}:${message.column} ${message.message} (${message.selector ?? ""})`;
        errors.set(message.ruleId, [...(errors.get(message.ruleId) ?? []), where]);
      }
    }
    expect(validated).toBe(files.length);
    // Grouped by rule, a few examples each, so a layout mistake repeated on every page stays readable.
    const summary = Object.fromEntries([...errors].map(([rule, places]) => [rule, { count: places.length, examples: places.slice(0, 4) }]));
    expect(summary).toEqual({});
  });
});
