import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_BANK_DIR, loadBank, YamlParseCache } from "../src/index.js";

function copyOfBank(): { bank: string; cacheFile: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "bank-cache-"));
  const bank = path.join(dir, "bank");
  cpSync(DEFAULT_BANK_DIR, bank, { recursive: true });
  return { bank, cacheFile: path.join(dir, "cache", "bank-yaml.json") };
}

function firstQuestionFile(bank: string): string {
  const folder = path.join(bank, "org-design");
  const name = readdirSync(folder).find((f) => f.endsWith(".yaml"));
  if (!name) throw new Error("no org-design question in the bank");
  return path.join(folder, name);
}

const entriesIn = (cacheFile: string) =>
  Object.keys((JSON.parse(readFileSync(cacheFile, "utf8")) as { entries: object }).entries).length;

describe("the YAML parse cache", () => {
  it("gives exactly the bank a load without it gives, cold and warm", () => {
    const { bank, cacheFile } = copyOfBank();
    const reference = loadBank(bank);
    expect(reference.issues).toEqual([]);
    const cold = loadBank(bank, { parseCacheFile: cacheFile });
    expect(entriesIn(cacheFile)).toBe(reference.files);
    const written = statSync(cacheFile).mtimeMs;
    const warm = loadBank(bank, { parseCacheFile: cacheFile });
    expect(cold).toEqual(reference);
    expect(warm).toEqual(reference);
    // Nothing changed, so nothing was rewritten.
    expect(statSync(cacheFile).mtimeMs).toBe(written);
  });

  it("still validates a remembered parse: an edit that breaks the schema is reported, warm as cold", () => {
    const { bank, cacheFile } = copyOfBank();
    loadBank(bank, { parseCacheFile: cacheFile });
    const file = firstQuestionFile(bank);
    const source = readFileSync(file, "utf8");
    writeFileSync(file, source.replace(/^competency: .*$/m, "competency: astrology"));
    const cold = loadBank(bank, { parseCacheFile: cacheFile });
    const warm = loadBank(bank, { parseCacheFile: cacheFile });
    expect(cold.issues.some((i) => i.path === "competency")).toBe(true);
    expect(warm.issues).toEqual(cold.issues);
    // The old text's entry is gone, the new one's is there: one per file.
    expect(entriesIn(cacheFile)).toBe(cold.files);
  });

  it("serves an edited file's new content, not the remembered parse of its old text", () => {
    const { bank, cacheFile } = copyOfBank();
    loadBank(bank, { parseCacheFile: cacheFile });
    const file = firstQuestionFile(bank);
    const source = readFileSync(file, "utf8");
    const title = /^title: (.*)$/m.exec(source)?.[1];
    if (!title) throw new Error("the question has no one-line title");
    writeFileSync(file, source.replace(/^title: .*$/m, "title: A retitled question"));
    const id = path.basename(file, ".yaml");
    const after = loadBank(bank, { parseCacheFile: cacheFile });
    expect(after.questions.find((q) => q.id === id)?.title).toBe("A retitled question");
  });

  it("treats a damaged or foreign cache file as empty", () => {
    const { bank, cacheFile } = copyOfBank();
    const reference = loadBank(bank);
    loadBank(bank, { parseCacheFile: cacheFile });
    writeFileSync(cacheFile, "{ not json");
    expect(loadBank(bank, { parseCacheFile: cacheFile })).toEqual(reference);
    writeFileSync(cacheFile, JSON.stringify({ format: 999, entries: { x: 1 } }));
    expect(loadBank(bank, { parseCacheFile: cacheFile })).toEqual(reference);
    expect(entriesIn(cacheFile)).toBe(reference.files);
  });

  it("does not remember what JSON cannot hold exactly", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bank-cache-"));
    const file = path.join(dir, "c.json");
    const cache = YamlParseCache.open(file);
    cache.set("a: .nan", { a: Number.NaN });
    cache.set("b: 1", { b: 1 });
    expect(cache.save()).toBe(true);
    const reopened = YamlParseCache.open(file);
    expect(reopened.get("a: .nan")).toBeUndefined();
    expect(reopened.get("b: 1")).toEqual({ data: { b: 1 } });
  });
});
