import { LinkChecker, LinkState } from "linkinator";

export interface LinkCheckOutcome {
  /** Local links (and #fragments) that work. */
  ok: string[];
  /** Local links that don't: status, the broken URL and the page it is on. */
  broken: { url: string; status: number; page: string; reason: string }[];
}

/**
 * Crawls a served site with linkinator from `start`, following every local page, stylesheet and
 * #fragment. Links to other hosts are not fetched (skipped), except the site's own production
 * URLs (canonical, og:url, feeds' home pages), which `ownBaseUrl` maps onto the local server.
 */
export async function checkLinks(start: string, ownBaseUrl?: string): Promise<LinkCheckOutcome> {
  const local = new URL(start).origin;
  const checker = new LinkChecker();
  const result = await checker.check({
    path: start,
    recurse: true,
    checkFragments: true,
    checkCss: true,
    concurrency: 8,
    timeout: 20_000,
    // Only our own server is fetched; on a busy machine a connection can still drop, so a failed
    // fetch is tried again before it counts as a broken link (a 404 is never retried).
    retryErrors: true,
    retryErrorsCount: 3,
    retryErrorsJitter: 500,
    urlRewriteExpressions: ownBaseUrl ? [{ pattern: new RegExp(`^${escapeRegExp(ownBaseUrl.replace(/\/$/, ""))}(?=/|$)`), replacement: local }] : [],
    linksToSkip: async (link) => !link.startsWith(`${local}/`) && link !== local,
  });
  const ok: string[] = [];
  const broken: LinkCheckOutcome["broken"] = [];
  for (const link of result.links) {
    if (link.state === LinkState.OK) ok.push(link.url);
    if (link.state === LinkState.BROKEN) {
      const reason = (link.failureDetails ?? []).map((d) => (d instanceof Error ? d.message : `HTTP ${d.status}`)).join("; ");
      broken.push({ url: link.url, status: link.status ?? 0, page: link.parent ?? "", reason });
    }
  }
  return { ok, broken };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
