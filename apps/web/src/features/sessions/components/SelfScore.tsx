import type { Question } from "@loopwright/schema";
import { type FormEvent, useState } from "react";
import { buttonClass } from "../../../ui/button";
import { useIntent } from "../lib/room-context";
import { DimensionChoice } from "./ScoreChoice";

/**
 * The candidate's optional self-assessment before feedback is released. The
 * labels come from the public question bank, not the room: the room never
 * sends the rubric to a candidate.
 */
export function SelfScore({ question, saved }: { question: Question; saved: Record<string, number> | null }) {
  const { run, busy, error } = useIntent();
  const [scores, setScores] = useState<Record<string, number>>(() => ({ ...(saved ?? {}) }));
  const [open, setOpen] = useState(false);
  const dims = question.rubric.dimensions;
  const complete = dims.every((d) => scores[d.id] !== undefined);
  const unchanged = saved !== null && dims.every((d) => saved[d.id] === scores[d.id]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (complete) void run({ type: "self-score", scores });
  };

  return (
    <section className="ps-card ps-self" aria-labelledby="ps-self-title" data-testid="self-score">
      <header className="ps-card__header ps-card__header--row">
        <div>
          <h2 id="ps-self-title" className="ps-card__title">
            Score yourself <span className="ps-card__optional">optional</span>
          </h2>
          <p className="ps-card__kicker">
            {saved
              ? "Saved. Your self-score sits next to the interviewers’ scores in the report."
              : "Rate your own answer against the rubric before feedback arrives; the report puts it next to theirs."}
          </p>
        </div>
        <button
          type="button"
          className={buttonClass("quiet")}
          aria-expanded={open}
          aria-controls="ps-self-form"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? "Hide" : saved ? "Review self-score" : "Score yourself"}
        </button>
      </header>
      {open ? (
        <form id="ps-self-form" className="ps-score-form" onSubmit={submit}>
          {dims.map((d) => (
            <DimensionChoice
              key={d.id}
              dimension={d}
              value={scores[d.id]}
              onChange={(score) => setScores((s) => ({ ...s, [d.id]: score }))}
              disabled={busy !== null}
              compact
            />
          ))}
          <div className="ps-score-form__submit">
            <button
              type="submit"
              className={buttonClass("primary")}
              disabled={!complete || busy !== null || unchanged}
            >
              {busy
                ? "Saving…"
                : unchanged
                  ? "Self-score saved"
                  : saved
                    ? "Update self-score"
                    : "Save self-score"}
            </button>
            {!complete ? <p className="ps-hint">Rate every dimension to save.</p> : null}
          </div>
          {error ? (
            <p className="ps-error" role="alert">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
