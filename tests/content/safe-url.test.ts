import { describe, expect, it } from "vitest";
import { checkUrl } from "../../src/content/safe-url.ts";

describe("checkUrl: the one gate for every URL from a document", () => {
  it.each([
    ["https://harbourtimes.example/ferry", "https://harbourtimes.example/ferry"],
    ["http://harbourtimes.example/", "http://harbourtimes.example/"],
    ["HTTPS://Harbourtimes.Example/Ferry", "https://harbourtimes.example/Ferry"],
    ["  https://harbourtimes.example/x  ", "https://harbourtimes.example/x"],
    ["mailto:desk@harbourtimes.example", "mailto:desk@harbourtimes.example"],
    ["/assets/logo.png", "/assets/logo.png"],
    ["/topics/café/", "/topics/caf%C3%A9/"],
    ["/already%20encoded/", "/already%20encoded/"],
    ["//cdn.example/logo.png", "https://cdn.example/logo.png"],
  ])("keeps %j as %j", (input, output) => {
    expect(checkUrl(input)).toEqual({ ok: true, url: output });
  });

  it.each([
    ["javascript:alert(1)", "javascript"],
    ["JaVaScRiPt:alert(1)", "javascript"],
    ["  javascript:alert(1)", "javascript"],
    ["\u0001javascript:alert(1)", "javascript"],
    ["java\tscript:alert(1)", "javascript"],
    ["java\nscript:alert(1)", "javascript"],
    ["&#106;avascript:alert(1)", "javascript"],
    ["&#x6A;avascript:alert(1)", "javascript"],
    ["&#0000106avascript:alert(1)", "javascript"],
    ["javascript&colon;alert(1)", "javascript"],
    ["jav&#x09;ascript:alert(1)", "javascript"],
    ["data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "data"],
    ["DATA:image/svg+xml,<svg onload=alert(1)>", "data"],
    ["vbscript:msgbox(1)", "vbscript"],
    [" VBScript:msgbox(1)", "vbscript"],
    ["file:///etc/passwd", "file"],
  ])("drops %j: the %s: scheme is not allowed", (input, scheme) => {
    expect(checkUrl(input)).toEqual({ ok: false, reason: `the ${scheme}: scheme is not allowed` });
  });

  it.each(["ferry.html", "../../etc/passwd", "&amp;#106;avascript:alert(1)", "%6Aavascript:alert(1)"])("drops the relative or encoded %j: only site-relative paths are allowed", (input) => {
    expect(checkUrl(input)).toEqual({ ok: false, reason: "only http, https, mailto and site-relative (/…) URLs are allowed" });
  });

  it("drops backslashes, which browsers read as slashes", () => {
    expect(checkUrl("/\\evil.example/")).toEqual({ ok: false, reason: "backslashes are not allowed in URLs" });
  });

  it("drops an empty URL", () => {
    expect(checkUrl("  \t")).toEqual({ ok: false, reason: "empty URL" });
  });

  it("drops an http URL without a host", () => {
    expect(checkUrl("https://")).toEqual({ ok: false, reason: "not a valid URL" });
  });
});
