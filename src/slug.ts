import { createHash } from "node:crypto";
import slugify from "slugify";
import { foldName } from "./fold-name.ts";

const MAX_SLUG_LENGTH = 80;

// Symbols that carry meaning in names people give topics: without them C++, C# and C collide.
const SYMBOL_WORDS: Record<string, string> = { "+": " plus ", "#": " sharp ", "@": " at ", "&": " and ", "%": " percent " };

/**
 * Names Windows reserves for devices, whatever their case: a folder named `con` or `nul` cannot
 * be made there, so a site with a story or topic of that name could not be built or copied there.
 */
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * A URL segment for a name: ASCII where the name allows, the name's own letters where it is
 * in another script, a hash where it has no letters at all (emoji). Never empty, never `.` or
 * `..`, never a name Windows keeps for a device (those get a hash after them).
 */
export function slugBase(name: string): string {
  // slugify spells `<` as "less": markup and template tags in a name would become words in its
  // URL. They, and slashes, separate words instead.
  const unmarked = name.replace(/\{%|%\}|[<>{}/\\]/g, " ");
  const spelled = unmarked.replace(/[+#@&%]/g, (symbol) => SYMBOL_WORDS[symbol] ?? symbol);
  const ascii = slugify(spelled, { lower: true, strict: true, trim: true });
  const slug = ascii !== "" ? ascii : unicodeSlug(name);
  if (slug === "") return `x-${shortHash(name)}`;
  const limited = limitLength(slug);
  return WINDOWS_DEVICE_NAMES.test(limited) ? `${limited}-${shortHash(name)}` : limited;
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
 * Gives each member of a group a unique slug, in the members' order. The member that came first
 * (earliest date, then key) keeps the plain slug, so a URL stays put when a later story or
 * spelling collides with it.
 */
export function assignUniqueSlugs<T>(
  members: T[],
  base: (member: T, index: number) => string,
  order: (a: T, b: T) => number,
  key: (member: T) => string,
): string[] {
  const slugs = members.map((member, i) => base(member, i));
  // Positions, not members, in the maps: a hundred thousand stories hash small integers fastest.
  const firstByFolded = new Map<string, number>();
  const collisions = new Map<string, number[]>();
  for (const [i, plain] of slugs.entries()) {
    const folded = foldName(plain);
    const first = firstByFolded.get(folded);
    if (first === undefined) firstByFolded.set(folded, i);
    else {
      const group = collisions.get(folded);
      if (group) group.push(i);
      else collisions.set(folded, [first, i]);
    }
  }
  for (const group of collisions.values()) {
    group.sort((a, b) => order(members[a]!, members[b]!));
    for (const i of group.slice(1)) slugs[i] = `${slugs[i]!}-${shortHash(key(members[i]!))}`;
  }
  return slugs;
}
