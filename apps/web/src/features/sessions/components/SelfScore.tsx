import type { Question } from "@loopwright/schema";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../ui/Alert";
import { buttonClass } from "../../../ui/button";
import { useIntent } from "../lib/room-context";
import { Card } from "./Card";
import { DimensionChoices, ScoreForm } from "./ScoreChoice";
import "./SelfScore.css";

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
    <Card
      titleId="ps-self-title"
      title={
        <>
          Score yourself <span className="muted ps-self__optional">optional</span>
        </>
      }
      kicker={
        saved
          ? "Saved. Your self-score sits next to the interviewers’ scores in the report."
          : "Rate your own answer against the rubric before feedback arrives; the report puts it next to theirs."
      }
      aside={
        <button
          type="button"
          className={buttonClass("quiet")}
          aria-expanded={open}
          aria-controls="ps-self-form"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? "Hide" : saved ? "Review self-score" : "Score yourself"}
        </button>
      }
      testId="self-score"
    >
      {open ? (
        <ScoreForm
          id="ps-self-form"
          onSubmit={submit}
          submitRow={
            <>
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
              {!complete ? <p className="hint">Rate every dimension to save.</p> : null}
            </>
          }
          after={error ? <Alert>{error}</Alert> : null}
        >
          <DimensionChoices
            dimensions={dims}
            scores={scores}
            onChange={(id, score) => setScores((s) => ({ ...s, [id]: score }))}
            disabled={busy !== null}
            compact
          />
        </ScoreForm>
      ) : null}
    </Card>
  );
}
