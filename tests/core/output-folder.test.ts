import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutputFolder } from "../../src/config/output-folder.ts";
import { makeTempDir } from "../helpers/fixtures.ts";

describe("the output folder", () => {
  const root = "/srv/site";
  const inputs = [
    { name: "the content folder", path: `${root}/content` },
    { name: "the project folder", path: root },
  ];

  it("may be a folder of its own beside the inputs", () => {
    expect(() => checkOutputFolder(`${root}/dist`, inputs, `${root}/content`)).not.toThrow();
  });

  it("may not be an input, and the error names it", () => {
    expect(() => checkOutputFolder(`${root}/content`, inputs, `${root}/content`)).toThrow(/holds the content folder \(\/srv\/site\/content\).*would be deleted/);
  });

  it("may not hold an input", () => {
    expect(() => checkOutputFolder(root, inputs, `${root}/content`)).toThrow(/holds the content folder/);
    expect(() => checkOutputFolder("/srv", inputs, `${root}/content`)).toThrow(/holds the content folder/);
  });

  it("may not lie inside the content folder", () => {
    expect(() => checkOutputFolder(`${root}/content/site`, [], `${root}/content`)).toThrow(/inside the content folder/);
  });

  it("is not fooled by a name that only starts like an input", () => {
    expect(() => checkOutputFolder(`${root}/content-site`, inputs.slice(0, 1), `${root}/content`)).not.toThrow();
  });

  it("may not hold an input whose name starts with two dots", () => {
    expect(() => checkOutputFolder(root, [{ name: "the content folder", path: `${root}/..content` }], `${root}/..content`)).toThrow(/holds the content folder/);
  });

  it("is compared where it really is, through symbolic links", () => {
    const dir = makeTempDir();
    mkdirSync(join(dir, "project/content"), { recursive: true });
    symlinkSync(join(dir, "project"), join(dir, "alias"));
    expect(() => checkOutputFolder(join(dir, "alias"), [{ name: "the content folder", path: join(dir, "project/content") }], join(dir, "project/content"))).toThrow(/holds the content folder/);
  });
});
