import {
  COMPETENCIES,
  type Question,
  type QuestionListQuery,
  type QuestionSummary,
} from "@loopwright/schema";
import { NotFoundError } from "../../lib/domain-errors.js";

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
}

function tokens(text: string): string[] {
  return normalise(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The words a search requires, as QuestionCatalog.list reads them; none for an absent or blank query. */
export function searchWords(q: string | undefined): string[] {
  return q ? tokens(q) : [];
}

interface Indexed {
  question: Question;
  title: string;
  body: string;
}

/**
 * The bank in memory, indexed for the list endpoint. Search requires every
 * word of the query to appear somewhere in the question; title matches rank first.
 */
export class QuestionCatalog {
  private readonly byId = new Map<string, Question>();
  private readonly indexed: Indexed[];

  constructor(questions: Question[]) {
    const order = (q: Question) => COMPETENCIES.indexOf(q.competency);
    const sorted = [...questions].sort((a, b) => order(a) - order(b) || a.title.localeCompare(b.title));
    this.indexed = sorted.map((question) => {
      this.byId.set(question.id, question);
      return {
        question,
        title: normalise(question.title),
        body: normalise(
          [
            question.summary,
            question.prompt,
            question.scenario?.company ?? "",
            ...question.talkingPoints.map((t) => t.point),
            ...question.rubric.dimensions.map((d) => d.name),
          ].join(" \n "),
        ),
      };
    });
  }

  get size(): number {
    return this.indexed.length;
  }

  get(id: string): Question | undefined {
    return this.byId.get(id);
  }

  /** For ids taken from storage, which should name a question the bank still has. */
  require(id: string): Question {
    const question = this.byId.get(id);
    if (!question) throw new NotFoundError(`No question has the id '${id}'.`);
    return question;
  }

  all(): Question[] {
    return this.indexed.map((i) => i.question);
  }

  list(query: QuestionListQuery): QuestionSummary[] {
    const words = searchWords(query.q);
    const matches: { entry: Indexed; titleHits: number }[] = [];
    for (const entry of this.indexed) {
      const q = entry.question;
      if (query.competency && q.competency !== query.competency) continue;
      if (query.level && !q.levels.includes(query.level)) continue;
      if (!words.every((w) => entry.title.includes(w) || entry.body.includes(w))) continue;
      matches.push({ entry, titleHits: words.filter((w) => entry.title.includes(w)).length });
    }
    // Array.prototype.sort is stable, so equal ranks keep bank order.
    matches.sort((a, b) => b.titleHits - a.titleHits);
    return matches.map(({ entry: { question: q } }) => ({
      id: q.id,
      title: q.title,
      competency: q.competency,
      levels: q.levels,
      summary: q.summary,
      durationMinutes: q.durationMinutes,
    }));
  }
}
