/**
 * The matching rules in plain English, shown under "How coverage is matched".
 * Kept beside the code so that a change to phrase.ts has an obvious place to
 * be explained; README.md carries the same list with the finer print.
 */
export const MATCHING_RULES: string[] = [
  "Matching ignores letter case, and curly apostrophes and quotes count the same as straight ones.",
  'A phrase only matches whole words, so "org" does not match inside "organization" and "cost" does not match inside "costly".',
  'Spaces, line breaks and hyphens between the words of a phrase are interchangeable and a run of them counts as one, so "span of control" also matches "span-of-control".',
  'Only the last word of a phrase may take a simple English ending (-s, -es, -ed, -d or -ing, dropping a final e where needed), so "hire" also matches "hires", "hired" and "hiring".',
  'British and American spellings are interchangeable for -ise/-ize, -isation/-ization and -yse/-yze, so "reorganize" also matches "reorganising".',
  "A phrase that is blank is ignored.",
  "A talking point counts as covered when at least one of its phrases appears in the answer; this is a prompt for self-review, not a grade.",
];
