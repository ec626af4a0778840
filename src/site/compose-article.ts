import type { Article } from "../content/article.ts";
import type { ArticleContext } from "./article-context.ts";
import { breadcrumbList, documentTitle } from "./page-meta.ts";
import type { SiteUrls } from "./site-urls.ts";
import type { ArticleView, RelatedView } from "./views.ts";

export interface ArticleSettings {
  siteTitle: string;
}

/** A full article and what other documents say about it → everything its page shows. */
export function composeArticleView(article: Article, context: ArticleContext, urls: SiteUrls, settings: ArticleSettings): ArticleView {
  const canonical = urls.absolutePage(context.path);
  const lead = article.images[0];
  const providerHome = article.provider.domain ? `https://${article.provider.domain}/` : undefined;
  const related: RelatedView[] = article.related.map((item) => {
    const internalUrl = item.url ? context.internalUrls[item.url] : undefined;
    return {
      title: item.title,
      excerpt: item.excerpt,
      url: internalUrl ?? item.url,
      internal: internalUrl !== undefined,
      providerName: item.provider?.name,
      date: item.publishedDateTime,
      image: item.image ? urls.image(item.image) : undefined,
    };
  });
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.excerpt || undefined,
    image: lead ? [urls.absoluteContent(lead.url)] : undefined,
    datePublished: article.publishedDateTime,
    dateModified: article.updatedDateTime ?? article.publishedDateTime,
    mainEntityOfPage: { "@type": "WebPage", "@id": canonical },
    isBasedOn: article.readUrl,
    author: article.provider.authors.length > 0 ? article.provider.authors.map((name) => ({ "@type": "Person", name })) : undefined,
    publisher: { "@type": "Organization", name: article.provider.name, url: providerHome },
    keywords: article.topics.length > 0 ? article.topics.join(", ") : undefined,
  };
  const breadcrumbs = [{ name: "Home", url: urls.page("") }, context.provider, { name: article.title, url: urls.page(context.path) }];
  return {
    kind: "article",
    meta: {
      title: article.title,
      documentTitle: documentTitle(article.title, settings.siteTitle),
      description: article.excerpt || `${article.title} — from ${article.provider.name}.`,
      canonical,
      ogType: "article",
      image: lead ? urls.absoluteImage(lead, article.title) : undefined,
      jsonLd: [jsonLd, breadcrumbList(breadcrumbs, urls)],
    },
    breadcrumbs,
    title: article.title,
    excerpt: article.excerpt,
    type: article.type,
    published: article.publishedDateTime,
    updated: article.updatedDateTime,
    readUrl: article.readUrl,
    ampUrl: article.ampUrl,
    provider: {
      ...context.provider,
      domain: article.provider.domain,
      logo: article.provider.logo ? urls.image(article.provider.logo) : undefined,
      authors: article.provider.authors,
    },
    topics: context.topics,
    category: context.category,
    images: article.images.map((image) => urls.image(image)),
    featuredHtml: article.featuredHtml,
    bodyHtml: article.bodyHtml,
    actions: article.actions,
    course: article.course,
    related,
  };
}
