import nunjucks from "nunjucks";
import { describe, expect, it } from "vitest";
import { filters } from "../../src/render/filters.ts";
import { forgetRenderedPartials } from "../../src/render/partial-cache.ts";

/** An environment whose `count` global counts the macro's renderings. */
function environment() {
  const env = new nunjucks.Environment(undefined, { autoescape: true });
  env.addFilter("partialCached", filters.partialCached);
  const calls = { count: 0 };
  env.addGlobal("counted", () => ++calls.count);
  const render = (items: { key: string; title: string }[]) =>
    env.renderString('{% macro card(item) %}<b>{{ item.title }}</b>{{ counted() }}{% endmacro %}{% for item in items %}{{ card | partialCached(item.key, item) }};{% endfor %}', { items });
  return { render, calls };
}

describe("partialCached", () => {
  it("renders a macro once per key and reuses its HTML, still escaped once", () => {
    const { render, calls } = environment();
    const a = { key: "a", title: "Fish & chips" };
    expect(render([a, { key: "b", title: "B" }, a])).toBe("<b>Fish &amp; chips</b>1;<b>B</b>2;<b>Fish &amp; chips</b>1;");
    expect(render([a])).toBe("<b>Fish &amp; chips</b>1;");
    expect(calls.count).toBe(2);
  });

  it("keeps fragments per environment, since each may have its own layouts", () => {
    const first = environment();
    const second = environment();
    first.render([{ key: "a", title: "A" }]);
    second.render([{ key: "a", title: "A" }]);
    expect([first.calls.count, second.calls.count]).toEqual([1, 1]);
  });

  it("renders again after the fragments are forgotten, as at the start of each Eleventy build", () => {
    const { render, calls } = environment();
    render([{ key: "a", title: "A" }]);
    forgetRenderedPartials();
    render([{ key: "a", title: "A" }]);
    expect(calls.count).toBe(2);
  });

  it("says how to call it when given something other than a macro", () => {
    const env = new nunjucks.Environment(undefined, { autoescape: true });
    env.addFilter("partialCached", filters.partialCached);
    expect(() => env.renderString('{{ "card" | partialCached("k") }}', {})).toThrow(/the value before \| must be a macro/);
  });

  it("renders without keeping anything when called outside a Nunjucks render", () => {
    let calls = 0;
    const macro = () => `<b>${++calls}</b>`;
    expect([filters.partialCached.call(undefined, macro, "k"), filters.partialCached.call(undefined, macro, "k")]).toEqual(["<b>1</b>", "<b>2</b>"]);
  });
});
