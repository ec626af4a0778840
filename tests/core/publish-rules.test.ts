import { describe, expect, it } from "vitest";
import { applyPublishRules } from "../../src/site/publish-rules.ts";
import { summary } from "../helpers/summaries.ts";

const now = "2026-11-24T12:00:00Z";

describe("applyPublishRules", () => {
  const draft = summary({ draft: true });
  const removed = summary({ removed: true, draft: true });
  const scheduled = summary({ publishedDateTime: "2026-12-01T00:00:00Z" });
  const live = summary();

  it("publishes live stories and counts the rest by reason", () => {
    const decision = applyPublishRules([draft, removed, scheduled, live], { drafts: false, future: false, now });
    expect(decision.published).toEqual([live]);
    expect(decision.excluded).toEqual({ draft: 1, removed: 1, scheduled: 1 });
  });

  it("publishes drafts with --drafts and scheduled stories with --future", () => {
    const decision = applyPublishRules([draft, scheduled, live], { drafts: true, future: true, now });
    expect(decision.published).toEqual([draft, scheduled, live]);
  });

  it("never publishes removed stories", () => {
    const decision = applyPublishRules([removed], { drafts: true, future: true, now });
    expect(decision.published).toEqual([]);
  });
});
