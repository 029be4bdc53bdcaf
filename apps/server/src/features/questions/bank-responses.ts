import { type QuestionListQuery, questionListSchema, questionSchema } from "@loopwright/schema";
import { type QuestionCatalog, searchWords } from "./catalog.js";
import { type PreparedResponse, prepare } from "./prepared-response.js";

/**
 * Free-text searches are unbounded in number (anyone can send any `q`), so
 * their bodies live in a small LRU; a miss costs one filter of the bank, one
 * encode and a compression per coding asked for, about a millisecond even for
 * a result as large as the whole bank, so eviction under churn is harmless.
 */
const MAX_SEARCHES = 200;

/**
 * The bank's HTTP bodies. The bank is immutable after start, so each body is
 * encoded through its response schema once and served as bytes. The full
 * list and every question are prepared at start; a filtered list is prepared
 * on first request, because most of the 36 competency × level combinations
 * are never asked for, and kept (there are only 36); a search is kept in the
 * LRU above.
 */
export class BankResponses {
  private readonly questions = new Map<string, PreparedResponse>();
  private readonly filtered = new Map<string, PreparedResponse>();
  private readonly searches = new Map<string, PreparedResponse>();

  constructor(private readonly catalog: QuestionCatalog) {
    for (const question of catalog.all()) this.questions.set(question.id, prepare(questionSchema, question));
    this.list({});
  }

  question(id: string): PreparedResponse | undefined {
    return this.questions.get(id);
  }

  list(query: QuestionListQuery): PreparedResponse {
    const words = searchWords(query.q);
    // The result depends on the words as a multiset (see QuestionCatalog.list), so sorting them
    // lets "budget plan" and "Plan budget" share one entry.
    const key = `${query.competency ?? ""}|${query.level ?? ""}|${words.sort().join(" ")}`;
    if (words.length === 0) {
      const known = this.filtered.get(key);
      if (known) return known;
      const prepared = this.prepareList(query);
      this.filtered.set(key, prepared);
      return prepared;
    }
    let search = this.searches.get(key);
    if (search) this.searches.delete(key);
    else {
      search = this.prepareList(query);
      if (this.searches.size >= MAX_SEARCHES)
        this.searches.delete(this.searches.keys().next().value as string);
    }
    // Re-inserting moves the entry to the end, so the first key is always the least recently used.
    this.searches.set(key, search);
    return search;
  }

  private prepareList(query: QuestionListQuery): PreparedResponse {
    const questions = this.catalog.list(query);
    return prepare(questionListSchema, { total: questions.length, questions });
  }
}
