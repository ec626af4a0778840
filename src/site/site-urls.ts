import type { Image } from "../content/article.ts";
import type { AbsoluteImage } from "./views.ts";

/** Turns paths and document URLs into the URLs a page prints, under the path prefix and base URL. */
export class SiteUrls {
  constructor(
    readonly baseUrl: string,
    readonly pathPrefix: string,
  ) {}

  /** `topics/ai/` → `/news/topics/ai/` */
  page(path: string): string {
    return this.pathPrefix + path;
  }

  /** `topics/ai/` → `https://example.org/news/topics/ai/` */
  absolutePage(path: string): string {
    return this.baseUrl + this.pathPrefix + path;
  }

  /** A site URL (already under the prefix) → absolute. */
  absolute(url: string): string {
    return url.startsWith("/") ? this.baseUrl + url : url;
  }

  /** A URL from a document: site-relative ones (`/assets/x.png`) live under the path prefix too. */
  content(url: string): string {
    return url.startsWith("/") ? this.pathPrefix + url.slice(1) : url;
  }

  absoluteContent(url: string): string {
    const local = this.content(url);
    return local.startsWith("/") ? this.baseUrl + local : local;
  }

  image(image: Image): Image {
    return { ...image, url: this.content(image.url) };
  }

  absoluteImage(image: Image, alt: string): AbsoluteImage {
    return { url: this.absoluteContent(image.url), width: image.width, height: image.height, alt: image.title ?? alt };
  }
}
