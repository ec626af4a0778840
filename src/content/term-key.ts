/**
 * What makes two spellings of a topic, provider or category the same name:
 * case, Unicode normalisation form and spacing do not count; accents and punctuation do.
 */
export function termKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}
