import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";

/** Bumped whenever what is stored changes meaning, so an old file is ignored rather than trusted. */
const FORMAT = 1;

interface CacheFile {
  format: number;
  /** sha256 of a file's source → what the YAML parser made of it. */
  entries: Record<string, unknown>;
}

const hashOf = (source: string) => createHash("sha256").update(source).digest("base64url");

/**
 * What the YAML parser made of each question file, by the hash of its text.
 * Parsing the bank's YAML is most of a server's start-up (about 0.4 s of 0.5
 * for 48 files, issue 15), and the bank changes far less often than the
 * server restarts. Only the parse is remembered: every start still runs the
 * schema and the semantic checks on the result, so a start always serves a
 * validated bank, and an edited file (a new hash) is parsed afresh. The
 * cache is an optimisation only: a missing, unreadable or damaged file is an
 * empty cache, and a failed write is ignored.
 */
export class YamlParseCache {
  private readonly stored: Map<string, unknown>;
  private readonly used = new Map<string, unknown>();
  private added = false;

  private constructor(
    private readonly file: string,
    stored: Map<string, unknown>,
  ) {
    this.stored = stored;
  }

  static open(file: string): YamlParseCache {
    let stored = new Map<string, unknown>();
    try {
      const parsed = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
      if (parsed?.format === FORMAT && parsed.entries && typeof parsed.entries === "object") {
        stored = new Map(Object.entries(parsed.entries));
      }
    } catch {
      // No cache yet, or one we cannot read: every file is parsed.
    }
    return new YamlParseCache(file, stored);
  }

  /** The parse of `source` if remembered (schema parsing copies it, so the stored value is never changed). */
  get(source: string): { data: unknown } | undefined {
    const hash = hashOf(source);
    if (!this.stored.has(hash)) return undefined;
    const data = this.stored.get(hash);
    this.used.set(hash, data);
    return { data };
  }

  /**
   * Remembers a parse, unless JSON cannot hold it exactly (YAML's .nan or
   * .inf, say): then the next start parses that file again rather than
   * validating something the parser never produced.
   */
  set(source: string, data: unknown): void {
    const copy = JSON.parse(JSON.stringify(data) ?? "null") as unknown;
    if (!isDeepStrictEqual(copy, data)) return;
    this.used.set(hashOf(source), copy);
    this.added = true;
  }

  /** Writes what this load used (so entries for edited or removed files go), when it differs from the file. */
  save(): boolean {
    if (!this.added && this.used.size === this.stored.size) return false;
    const body: CacheFile = { format: FORMAT, entries: Object.fromEntries(this.used) };
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(body));
      // A rename is atomic: two instances starting together never read half a file.
      renameSync(temporary, this.file);
      return true;
    } catch {
      return false;
    }
  }
}
