/**
 * Turns one talking-point phrase into a RegExp that encodes every matching
 * rule, so it can run against the answer exactly as written. Matching the
 * original text (rather than a normalised copy) means match offsets need no
 * mapping back and always slice to what the candidate typed.
 *
 * The patterns are literal words joined by a single separator class, with no
 * nested quantifiers, so matching stays linear in the length of the answer.
 */

/** Letters, digits and combining marks: a decomposed "é" is still part of its word. */
const WORD_CHAR = "[\\p{L}\\p{N}\\p{M}]";
const WORD_CHAR_RE = /[\p{L}\p{N}\p{M}]/u;
const ENDS_WITH_LETTER_RE = /\p{L}$/u;

// U+2010 and U+2011 are the typographic and non-breaking hyphens some editors insert.
const SEPARATOR = "[\\s\\u2010\\u2011-]+";
const SEPARATOR_RE = /[\s\u2010\u2011-]+/u;

const APOSTROPHES = "'\u2018\u2019\u201B\u02BC";
const DOUBLE_QUOTES = '"\u201C\u201D\u201E\u201F';

// In `u` mode only syntax characters may be escaped: "\&" would be a SyntaxError.
const SYNTAX_CHAR_RE = /[\\^$.*+?()[\]{}|/]/;

/** Endings whose s may be a z (and vice versa); the s/z is always the second character. */
const SPELLING_ENDINGS = ["isation", "ization", "ise", "ize", "yse", "yze"];
/**
 * Short words such as "size", "rise" or "prize" end in -ize/-ise without being
 * the -ise/-ize suffix; requiring a stem of three or more characters before the
 * ending leaves them alone ("prize" must not match "prise").
 */
const MIN_SPELLING_STEM = 3;

const INFLECTIONS = "(?:s|es|ed|d|ing)?";

function charPattern(char: string): string {
  if (APOSTROPHES.includes(char)) return `[${APOSTROPHES}]`;
  if (DOUBLE_QUOTES.includes(char)) return `[${DOUBLE_QUOTES}]`;
  return SYNTAX_CHAR_RE.test(char) ? `\\${char}` : char;
}

/**
 * One regex piece per character of a word, with the s/z of a spelling ending
 * as a class. Unlike inflection this applies to every word of the phrase:
 * "prioritize work" and "prioritise work" are the same phrase spelled two ways.
 */
function wordPieces(word: string): string[] {
  const pieces = Array.from(word, charPattern);
  for (const ending of SPELLING_ENDINGS) {
    // The endings are ASCII, so counting from the end in code units is safe.
    const stemLength = word.length - ending.length;
    if (stemLength >= MIN_SPELLING_STEM && word.slice(stemLength).toLowerCase() === ending) {
      pieces[pieces.length - ending.length + 1] = "[sz]";
      break;
    }
  }
  return pieces;
}

function wordPattern(word: string): string {
  return wordPieces(word).join("");
}

function lastWordPattern(word: string): string {
  // "C++" or "2024" take no English endings.
  if (!ENDS_WITH_LETTER_RE.test(word)) return wordPattern(word);
  const pieces = wordPieces(word);
  const full = pieces.join("");
  if (!word.toLowerCase().endsWith("e")) return `${full}${INFLECTIONS}`;
  // "hire" -> "hiring": the e is dropped before -ing (and -ed, which "hire"+"d" already gives).
  const withoutE = pieces.slice(0, -1).join("");
  return `(?:${full}${INFLECTIONS}|${withoutE}(?:ing|ed))`;
}

/** The words of a phrase, split wherever a separator may stand in the answer. */
function phraseWords(phrase: string): string[] {
  return phrase
    .trim()
    .split(SEPARATOR_RE)
    .filter((word) => word.length > 0);
}

/** Returns the pattern source for a phrase, or null when the phrase is blank. */
function phrasePattern(phrase: string): string | null {
  const words = phraseWords(phrase);
  const last = words.at(-1);
  if (last === undefined) return null;
  const body = [...words.slice(0, -1).map(wordPattern), lastWordPattern(last)].join(SEPARATOR);

  // Boundaries are asserted only where the phrase itself begins or ends with a
  // word character: "C++" must still match in "C++," and ".NET" after "ASP".
  const firstChar = Array.from(words[0] ?? "")[0] ?? "";
  const lastChar = Array.from(last).at(-1) ?? "";
  const lead = WORD_CHAR_RE.test(firstChar) ? `(?<!${WORD_CHAR})` : "";
  const trail = WORD_CHAR_RE.test(lastChar) ? `(?!${WORD_CHAR})` : "";
  return `${lead}${body}${trail}`;
}

/** Compiles a phrase for use with matchAll; null when the phrase is blank. */
export function compilePhrase(phrase: string): RegExp | null {
  const source = phrasePattern(phrase);
  return source === null ? null : new RegExp(source, "giu");
}
