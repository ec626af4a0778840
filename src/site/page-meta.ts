import type { SiteUrls } from "./site-urls.ts";

/** "Page title — Site", without naming the site twice when the page title already starts with it. */
export function documentTitle(title: string, siteTitle: string): string {
  return title === siteTitle || title.startsWith(`${siteTitle} — `) ? title : `${title} — ${siteTitle}`;
}

/** schema.org BreadcrumbList for JSON-LD, from the breadcrumbs a page shows. */
export function breadcrumbList(crumbs: { name: string; url: string }[], urls: SiteUrls): object {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, i) => ({ "@type": "ListItem", position: i + 1, name: crumb.name, item: urls.absolute(crumb.url) })),
  };
}
