export type Coding = "br" | "gzip" | "identity";

const QUALITY = /^q=([01](?:\.\d{0,3})?)$/i;

/** Each listed coding with its qvalue (1 when none is given), lower-cased; `x-gzip` is gzip (RFC 9110 §8.4.1.3). */
function qualities(header: string): Map<string, number> {
  const listed = new Map<string, number>();
  for (const element of header.split(",")) {
    const [name = "", ...params] = element.split(";").map((part) => part.trim());
    if (!name) continue;
    const q = params.map((p) => QUALITY.exec(p)?.[1]).find((v) => v !== undefined);
    const coding = name.toLowerCase() === "x-gzip" ? "gzip" : name.toLowerCase();
    listed.set(coding, q === undefined ? 1 : Number(q));
  }
  return listed;
}

/**
 * The content coding to send for an Accept-Encoding header (RFC 9110
 * §12.5.3): brotli or gzip by the client's qvalues, brotli on a tie because
 * it is smaller, `*` standing for any coding not named, and identity when the
 * client names neither or sends no header. Identity is never refused: a 406
 * for `identity;q=0` would help nobody.
 */
export function preferredCoding(header: string | undefined): Coding {
  if (!header) return "identity";
  const listed = qualities(header);
  const any = listed.get("*") ?? 0;
  const br = listed.get("br") ?? any;
  const gzip = listed.get("gzip") ?? any;
  if (br > 0 && br >= gzip) return "br";
  if (gzip > 0) return "gzip";
  return "identity";
}
