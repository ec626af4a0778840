import { describe, expect, it } from "vitest";
import { assignUniqueSlugs, slugBase } from "../../src/slug.ts";

describe("slugBase", () => {
  it("lower-cases and hyphenates Latin names", () => {
    expect(slugBase("Power Apps")).toBe("power-apps");
  });

  it("transliterates accents", () => {
    expect(slugBase("Café Société")).toBe("cafe-societe");
  });

  it("spells out the symbols that tell C++, C# and C apart", () => {
    expect([slugBase("C++"), slugBase("C#"), slugBase("C")]).toEqual(["c-plus-plus", "c-sharp", "c"]);
  });

  it("keeps the letters of names in other scripts", () => {
    expect(slugBase("人工智能")).toBe("人工智能");
    expect(slugBase("الذكاء الاصطناعي")).not.toBe("");
  });

  it("gives names without letters a hash instead of an empty slug", () => {
    expect(slugBase("🚀🚀")).toMatch(/^x-[0-9a-f]{6}$/);
    expect(slugBase("🚀🚀")).toBe(slugBase("🚀🚀"));
  });

  it("never yields a path segment that climbs out of its folder", () => {
    for (const name of ["../../x", "..", "/etc/passwd", "a/../../b"]) {
      const slug = slugBase(name);
      expect(slug).not.toMatch(/[/\\]|^\.+$/);
    }
  });

  it("never yields a name Windows keeps for a device, which no folder there can have", () => {
    for (const name of ["CON", "Con", "aux", "NUL", "Prn", "COM1", "lpt9"]) {
      expect(slugBase(name)).toMatch(/^[a-z]{3}[0-9]?-[0-9a-f]{6}$/);
    }
  });

  it("leaves names that only begin like a device's alone", () => {
    expect([slugBase("Console"), slugBase("Con Edison"), slugBase("Auxiliary"), slugBase("COM10")]).toEqual(["console", "con-edison", "auxiliary", "com10"]);
  });

  it("caps long names at 80 characters", () => {
    expect(slugBase("word ".repeat(100)).length).toBeLessThanOrEqual(80);
  });
});

describe("assignUniqueSlugs", () => {
  const byName = (a: { name: string; first: number }, b: { name: string; first: number }) => a.first - b.first;

  it("lets the earliest member keep the plain slug and suffixes the others", () => {
    const older = { name: "AI!", first: 1 };
    const newer = { name: "AI?", first: 2 };
    const [newerSlug, olderSlug] = assignUniqueSlugs([newer, older], () => "ai", byName, (m) => m.name);
    expect(olderSlug).toBe("ai");
    expect(newerSlug).toMatch(/^ai-[0-9a-f]{6}$/);
  });

  it("suffixes every member of a larger group but the earliest, each differently", () => {
    const members = [3, 1, 2].map((first) => ({ name: `AI ${first}`, first }));
    const slugs = assignUniqueSlugs(members, () => "ai", byName, (m) => m.name);
    expect(slugs).toEqual([expect.stringMatching(/^ai-[0-9a-f]{6}$/), "ai", expect.stringMatching(/^ai-[0-9a-f]{6}$/)]);
    expect(new Set(slugs).size).toBe(3);
  });

  it("leaves members whose slugs differ alone", () => {
    const members = [{ name: "Tide", first: 2 }, { name: "Ferry", first: 1 }];
    expect(assignUniqueSlugs(members, (m) => m.name.toLowerCase(), byName, (m) => m.name)).toEqual(["tide", "ferry"]);
  });

  it("treats slugs that differ only in case or normalisation form as colliding", () => {
    const a = { name: "e\u0301", first: 1 };
    const b = { name: "\u00e9", first: 2 };
    const [slugA, slugB] = assignUniqueSlugs([a, b], (m) => m.name, byName, (m) => `${m.first}`);
    expect(slugA!.normalize("NFC")).not.toBe(slugB!.normalize("NFC"));
  });
});
