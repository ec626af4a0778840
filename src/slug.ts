import { createHash } from "node:crypto";
import slugify from "slugify";
import { foldName } from "./fold-name.ts";

const MAX_SLUG_LENGTH = 80;

// Symbols that carry meaning in names people give topics: without them C++, C# and C collide.
const SYMBOL_WORDS: Record<string, string> = { "+": " plus ", "#": " sharp ", "@": " at ", "&": " and ", "%": " percent " };

/**
 * A URL segment for a name: ASCII where the name allows, the name's own letters where it is
 * in another script, a hash where it has no letters at all (emoji). Never empty, never `.` or `..`.
 */
export function slugBase(name: string): string {
  // slugify spells `<` as "less": markup and template tags in a name would become words in its
  // URL. They, and slashes, separate words instead.
  const unmarked = name.replace(/\{%|%\}|[<>{}/\\]/g, " ");
  const spelled = unmarked.replace(/[+#@&%]/g, (symbol) => SYMBOL_WORDS[symbol] ?? symbol);
  const ascii = slugify(spelled, { lower: true, strict: true, trim: true });
  const slug = ascii !== "" ? ascii : unicodeSlug(name);
  return slug !== "" ? limitLength(slug) : `x-${shortHash(name)}`;
}

/** Keeps letters and digits of any script, lower-cased and NFC-normalised, joined by hyphens. */
function unicodeSlug(name: string): string {
  return (name.normalize("NFC").toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).join("-");
}

function limitLength(slug: string): string {
  // No more UTF-16 units than the limit means no more characters either: most slugs stop here.
  if (slug.length <= MAX_SLUG_LENGTH || [...slug].length <= MAX_SLUG_LENGTH) return slug;
  const cut = [...slug].slice(0, MAX_SLUG_LENGTH).join("");
  const lastHyphen = cut.lastIndexOf("-");
  return lastHyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut;
}

/** Six URL-safe characters derived from the text: stable across builds and machines. */
export function shortHash(text: string): string {
  return createHash("sha1").update(text).digest("hex").slice(0, 6);
}

/**
 * Gives each member of a group a unique slug. The member that came first (earliest date, then key)
 * keeps the plain slug, so a URL stays put when a later story or spelling collides with it.
 */
export function assignUniqueSlugs<T>(
  members: T[],
  base: (member: T) => string,
  order: (a: T, b: T) => number,
  key: (member: T) => string,
): Map<T, string> {
  const slugs = new Map<T, string>();
  const firstByFolded = new Map<string, T>();
  const collisions = new Map<string, T[]>();
  for (const member of members) {
    const plain = base(member);
    slugs.set(member, plain);
    const folded = foldName(plain);
    const first = firstByFolded.get(folded);
    if (first === undefined) firstByFolded.set(folded, member);
    else {
      const group = collisions.get(folded);
      if (group) group.push(member);
      else collisions.set(folded, [first, member]);
    }
  }
  for (const group of collisions.values()) {
    group.sort(order);
    for (const member of group.slice(1)) slugs.set(member, `${slugs.get(member)!}-${shortHash(key(member))}`);
  }
  return slugs;
}
