// `npm run screenshots`: builds the sample site, serves it on 127.0.0.1 and photographs the home,
// story and topic pages in Debian's headless Chromium at a 375 px phone and a 1280 px desktop
// width, in the light and dark colour schemes, into docs/screenshots/NAME-WIDTH-SCHEME.png (the
// README shows them). Pictures from other sites, which this machine cannot reach, appear as grey
// placeholders. Emoji and Chinese headlines need fonts (Debian: fonts-noto-color-emoji, fonts-noto-cjk).
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answerOutsideRequests, launchChromium, VIEWPORTS, type ViewportName } from "../tests/browser/helpers/chromium.ts";
import { pageKinds } from "../tests/browser/helpers/page-kinds.ts";
import { buildSampleSite, PROJECT_ROOT } from "../tests/browser/helpers/sample-site.ts";
import { serveStatic } from "../tests/browser/helpers/static-server.ts";

const OUT_DIR = join(PROJECT_ROOT, "docs", "screenshots");
/** Page kind (see page-kinds.ts) → file name. */
const SHOTS: Record<string, string> = { home: "home", story: "article", topic: "topic" };

const work = mkdtempSync(join(tmpdir(), "broadsheet-screenshots-"));
try {
  const siteDir = join(work, "site");
  await buildSampleSite(siteDir);
  const server = await serveStatic(siteDir);
  const browser = await launchChromium();
  try {
    mkdirSync(OUT_DIR, { recursive: true });
    const kinds = pageKinds(siteDir).filter((k) => k.kind in SHOTS);
    for (const [viewport, colorScheme] of (Object.keys(VIEWPORTS) as ViewportName[]).flatMap((v) => [[v, "light"], [v, "dark"]] as const)) {
      const context = await browser.newContext({ viewport: VIEWPORTS[viewport], colorScheme, reducedMotion: "reduce" });
      await answerOutsideRequests(context);
      const page = await context.newPage();
      for (const { kind, path } of kinds) {
        await page.goto(server.url(path), { waitUntil: "networkidle" });
        const file = join(OUT_DIR, `${SHOTS[kind]}-${VIEWPORTS[viewport].width}-${colorScheme}.png`);
        await page.screenshot({ path: file });
        console.log(`${file.slice(PROJECT_ROOT.length)}  ${kind} /${path}  ${Math.round(statSync(file).size / 1024)} KB`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
