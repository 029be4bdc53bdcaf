import {
  COMPETENCY_LABELS,
  type Competency,
  competencySchema,
  LEVEL_LABELS,
  LEVELS,
  type Level,
  levelSchema,
  type QuestionList,
  type QuestionSummary,
} from "@loopwright/schema";
import { keepPreviousData, type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { bankQueries } from "../api/bank-queries";
import { CompetencyOptions } from "../components/CompetencyOptions";
import { ClockIcon, LevelTags } from "../components/Meta";
import { EmptyState, ErrorState, Loading } from "../components/Status";
import { formatCount, formatMinutes } from "../lib/format";
import { useDebouncedCallback } from "../lib/useDebouncedCallback";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import "./QuestionBankPage.css";
import { buttonClass } from "../ui/button";
import { Field } from "../ui/Field";

const SEARCH_DEBOUNCE_MS = 300;

interface Filters {
  competency: Competency | undefined;
  level: Level | undefined;
  q: string;
}

/** Reads the filters from the URL, ignoring values that are not a known competency or level. */
function readFilters(params: URLSearchParams): Filters {
  const competency = competencySchema.safeParse(params.get("competency"));
  const level = levelSchema.safeParse(params.get("level"));
  return {
    competency: competency.success ? competency.data : undefined,
    level: level.success ? level.data : undefined,
    q: (params.get("q") ?? "").trim(),
  };
}

function describeFilters({ competency, level, q }: Filters): string | undefined {
  const parts: string[] = [];
  if (competency) parts.push(COMPETENCY_LABELS[competency]);
  if (level) parts.push(LEVEL_LABELS[level]);
  if (q) parts.push(`“${q}”`);
  return parts.length ? parts.join(" · ") : undefined;
}

export function QuestionBankPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readFilters(searchParams);
  const { competency, level, q } = filters;
  const hasFilters = Boolean(competency || level || q);

  const filterSummary = describeFilters(filters);
  useDocumentTitle(filterSummary ? `Question bank: ${filterSummary}` : "Question bank");

  // The search box is edited locally and written to the URL after a pause in typing.
  const [draft, setDraft] = useState(q);
  const lastWrittenQ = useRef(q);
  useEffect(() => {
    // The URL changed under us (back/forward, a link, "clear filters"): show what it says.
    if (q !== lastWrittenQ.current) {
      lastWrittenQ.current = q;
      setDraft(q);
    }
  }, [q]);

  const updateParam = (
    key: keyof Filters,
    value: string | undefined,
    options: { replace?: boolean } = {},
  ) => {
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: options.replace ?? false },
    );
  };

  const commitSearch = useDebouncedCallback((value: string) => {
    const trimmed = value.trim();
    if (trimmed === lastWrittenQ.current) return;
    // Starting a search adds a history entry; refining it replaces that entry.
    const replace = lastWrittenQ.current !== "" && trimmed !== "";
    lastWrittenQ.current = trimmed;
    updateParam("q", trimmed, { replace });
  }, SEARCH_DEBOUNCE_MS);

  const clearFilters = () => {
    commitSearch.cancel();
    lastWrittenQ.current = "";
    setDraft("");
    setSearchParams(new URLSearchParams());
  };

  // While a new filter loads, the last results stay on screen (dimmed) rather than a skeleton.
  const result = useQuery({
    ...bankQueries.list({ competency, level, q: q || undefined }),
    placeholderData: keepPreviousData,
  });

  const ids = { searchHint: useId() };
  const refreshing = result.isPlaceholderData;

  return (
    <div className="container bank">
      <header className="page-header">
        <p className="eyebrow">Question bank</p>
        <h1 className="page-title">Interview questions for the director loop</h1>
        <p className="page-lede">
          Every question has a prompt, a suggested running order, an interviewer guide and a rubric with
          behavioural anchors. Filter by the round you are preparing for or search for a situation.
        </p>
      </header>

      <search className="filters" aria-label="Filter questions">
        <Field label="Search questions" className="field--grow" describedBy={ids.searchHint}>
          {(control) => (
            <>
              <input
                {...control}
                type="search"
                className="input"
                value={draft}
                maxLength={200}
                placeholder="e.g. reorg, budget cut, platform"
                autoComplete="off"
                spellCheck={false}
                onChange={(event) => {
                  setDraft(event.target.value);
                  commitSearch.run(event.target.value);
                }}
                onKeyDown={(event) => {
                  if (event.key === "Enter") {
                    commitSearch.cancel();
                    const trimmed = draft.trim();
                    if (trimmed !== lastWrittenQ.current) {
                      const replace = lastWrittenQ.current !== "" && trimmed !== "";
                      lastWrittenQ.current = trimmed;
                      updateParam("q", trimmed, { replace });
                    }
                  }
                }}
              />
              <span id={ids.searchHint} className="visually-hidden">
                Results update as you type.
              </span>
            </>
          )}
        </Field>
        <Field label="Competency">
          {(control) => (
            <div className="select">
              <select
                {...control}
                value={competency ?? ""}
                onChange={(event) => updateParam("competency", event.target.value || undefined)}
              >
                <option value="">All competencies</option>
                <CompetencyOptions />
              </select>
            </div>
          )}
        </Field>
        <Field label="Level">
          {(control) => (
            <div className="select">
              <select
                {...control}
                value={level ?? ""}
                onChange={(event) => updateParam("level", event.target.value || undefined)}
              >
                <option value="">All levels</option>
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {LEVEL_LABELS[l]}
                  </option>
                ))}
              </select>
            </div>
          )}
        </Field>
      </search>

      <div className="results-bar">
        <p className="results-bar__count" role="status" aria-live="polite">
          {result.data ? (
            <>
              <span data-testid="result-count">{formatCount(result.data.total, "question")}</span>
              {filterSummary ? <span className="results-bar__filters"> for {filterSummary}</span> : null}
            </>
          ) : result.isPending ? (
            <span className="results-bar__muted">Loading questions…</span>
          ) : null}
          {refreshing ? <span className="results-bar__muted"> · updating</span> : null}
        </p>
        {hasFilters && !(result.data && result.data.total === 0) ? (
          <button type="button" className={buttonClass("quiet")} onClick={clearFilters}>
            Clear filters
          </button>
        ) : null}
      </div>

      <Results
        state={result}
        hasFilters={hasFilters}
        refreshing={refreshing}
        onClear={clearFilters}
        onRetry={() => void result.refetch()}
      />
    </div>
  );
}

function Results({
  state,
  hasFilters,
  refreshing,
  onClear,
  onRetry,
}: {
  state: UseQueryResult<QuestionList>;
  hasFilters: boolean;
  refreshing: boolean;
  onClear: () => void;
  onRetry: () => void;
}) {
  if (state.status === "error") {
    return <ErrorState title="The questions could not be loaded" error={state.error} onRetry={onRetry} />;
  }
  if (!state.data) {
    return (
      <Loading label="Loading questions">
        <ul className="cards">
          {[0, 1, 2, 3].map((n) => (
            <li key={n} className="card card--skeleton">
              <span className="skeleton skeleton--short" />
              <span className="skeleton skeleton--title" />
              <span className="skeleton" />
              <span className="skeleton" />
            </li>
          ))}
        </ul>
      </Loading>
    );
  }
  if (state.data.questions.length === 0) {
    return (
      <EmptyState title={hasFilters ? "No questions match these filters" : "The question bank is empty"}>
        {hasFilters ? (
          <>
            <p>Try another competency or level, or a shorter search.</p>
            <button type="button" className={buttonClass("primary")} onClick={onClear}>
              Clear filters
            </button>
          </>
        ) : (
          <p>No questions have been added yet. Questions live as YAML files in the question-bank folder.</p>
        )}
      </EmptyState>
    );
  }
  return (
    <ul className={`cards${refreshing ? " cards--refreshing" : ""}`} aria-busy={refreshing}>
      {state.data.questions.map((question) => (
        <li key={question.id}>
          <QuestionCard question={question} />
        </li>
      ))}
    </ul>
  );
}

function QuestionCard({ question }: { question: QuestionSummary }) {
  const titleId = useId();
  return (
    <article className="card" data-testid="question-card" aria-labelledby={titleId}>
      <p className="card__eyebrow">
        <span className="card__competency">{COMPETENCY_LABELS[question.competency]}</span>
        <span className="card__duration">
          <ClockIcon />
          {formatMinutes(question.durationMinutes)}
        </span>
      </p>
      <h2 className="card__title" id={titleId}>
        <Link to={`/questions/${question.id}`} className="card__link">
          {question.title}
        </Link>
      </h2>
      <p className="card__summary">{question.summary}</p>
      <LevelTags levels={question.levels} />
    </article>
  );
}
