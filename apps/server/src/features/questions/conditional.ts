/** An entity-tag is `"…"` or `W/"…"`; a comma is legal inside the quotes, so the list is not split on commas. */
const ENTITY_TAG = /(?:W\/)?"([^"]*)"/g;

/**
 * Whether an If-None-Match header matches `etag` (itself a strong tag, `"…"`):
 * `*` matches any current representation, otherwise any listed tag does by
 * weak comparison, which ignores a W/ prefix (RFC 9110 §13.1.2, §8.8.3.2).
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header === etag) return true;
  if (header.trim() === "*") return true;
  const opaque = etag.slice(1, -1);
  for (const match of header.matchAll(ENTITY_TAG)) {
    if (match[1] === opaque) return true;
  }
  return false;
}
