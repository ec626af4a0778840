import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_CONFIG, parseNow, resolveConfig } from "../../src/config/site-config.ts";
import { parseCliArgs, UsageError } from "../../src/config/cli-args.ts";

describe("resolveConfig", () => {
  it("uses the defaults when nothing is set", () => {
    expect(resolveConfig()).toEqual({ ...DEFAULT_CONFIG, baseUrl: "http://localhost:8080" });
  });

  it("lets later layers override earlier ones, ignoring unset values", () => {
    const config = resolveConfig({ title: "From file", pageSize: 10 }, { title: "From flag", pageSize: undefined });
    expect(config.title).toBe("From flag");
    expect(config.pageSize).toBe(10);
  });

  it("normalises the path prefix to start and end with a slash", () => {
    expect(resolveConfig({ pathPrefix: "news" }).pathPrefix).toBe("/news/");
    expect(resolveConfig({ pathPrefix: "/a/b" }).pathPrefix).toBe("/a/b/");
    expect(resolveConfig({ pathPrefix: "" as string }).pathPrefix).toBe("/");
  });

  it("rejects a path prefix that climbs out of the site", () => {
    expect(() => resolveConfig({ pathPrefix: "/../x/" })).toThrow(ConfigError);
  });

  it("reduces the base URL to its origin", () => {
    expect(resolveConfig({ baseUrl: "https://news.example.org/" }).baseUrl).toBe("https://news.example.org");
  });

  it("explains a bad base URL, time zone or page size", () => {
    expect(() => resolveConfig({ baseUrl: "news.example.org" })).toThrow(/baseUrl must be an absolute URL/);
    expect(() => resolveConfig({ timeZone: "Mars/Olympus" })).toThrow(/timeZone must be an IANA zone/);
    expect(() => resolveConfig({ pageSize: 0 })).toThrow(/pageSize must be a whole number/);
  });
});

describe("parseNow", () => {
  it("accepts ISO 8601 and returns UTC", () => {
    expect(parseNow("2026-11-24T13:00:00+01:00")).toBe("2026-11-24T12:00:00.000Z");
  });

  it("rejects anything else", () => {
    expect(() => parseNow("yesterday")).toThrow(/--now must be an ISO 8601 date-time/);
  });
});

describe("parseCliArgs", () => {
  it("maps flags onto config overrides and build options", () => {
    const args = parseCliArgs(["--content", "c", "--out", "o", "--base-url", "https://x.example", "--path-prefix", "/news/", "--drafts", "--future", "--now", "2026-01-01T00:00:00Z"]);
    expect(args.overrides).toEqual({ contentDir: "c", outDir: "o", baseUrl: "https://x.example", pathPrefix: "/news/" });
    expect(args).toMatchObject({ drafts: true, future: true, now: "2026-01-01T00:00:00Z", skipInvalid: false, search: true });
  });

  it("rejects unknown flags with the usage text", () => {
    expect(() => parseCliArgs(["--draft"])).toThrow(UsageError);
  });
});

describe("resolveConfig: base URL with a path", () => {
  it("asks for the sub-path in pathPrefix instead", () => {
    expect(() => resolveConfig({ baseUrl: "https://user.github.io/news" })).toThrow(/put the sub-path "\/news" in pathPrefix/);
  });
});
