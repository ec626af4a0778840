import type { SiteConfig } from "../config/site-config.ts";
import { feedLinks } from "../site/compose-lists.ts";
import { SiteUrls } from "../site/site-urls.ts";
import type { SiteView } from "../site/views.ts";

/** The `site` every layout receives. Holds no story data, so it changes only with the config and assets. */
export function makeSiteView(config: SiteConfig, assets: SiteView["assets"]): SiteView {
  const urls = new SiteUrls(config.baseUrl, config.pathPrefix);
  return {
    title: config.title,
    description: config.description,
    language: config.language,
    baseUrl: config.baseUrl,
    pathPrefix: config.pathPrefix,
    timeZone: config.timeZone,
    nav: [
      { name: "Latest", url: urls.page("") },
      { name: "Topics", url: urls.page("topics/") },
      { name: "Providers", url: urls.page("providers/") },
      { name: "Categories", url: urls.page("categories/") },
      { name: "Archive", url: urls.page("archive/") },
      { name: "Search", url: urls.page("search/") },
    ],
    assets,
    feeds: feedLinks("", urls),
    searchUrl: urls.page("search/"),
  };
}
