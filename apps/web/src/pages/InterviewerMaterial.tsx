import type { Question } from "@loopwright/schema";
import type { Ref } from "react";
import { formatCount } from "../lib/format";
import { buttonClass } from "../ui/button";
import { cardProps } from "../ui/card";
import "./InterviewerMaterial.css";

/** The id of the panel standing in for the hidden sections (the "On this page" link points at it). */
export const MATERIAL_PANEL_ID = "interviewer-material";

/** What the panel holds back, by name and size only: nothing a practitioner could anchor on. */
function contents(question: Question): { name: string; size: string }[] {
  const { guide, rubric, talkingPoints, examples } = question;
  return [
    {
      name: "Interviewer guide",
      size: `${formatCount(guide.probes.length, "probe")}, ${formatCount(guide.curveballs.length, "curveball")}`,
    },
    { name: "Rubric", size: formatCount(rubric.dimensions.length, "dimension") },
    { name: "Red flags", size: formatCount(rubric.redFlags.length, "flag") },
    { name: "Talking points", size: formatCount(talkingPoints.length, "point") },
    ...(examples.length > 0
      ? [{ name: "Example answers", size: formatCount(examples.length, "graded answer") }]
      : []),
  ];
}

/**
 * In place of the guide, rubric, red flags, talking points and example answers
 * until the person asks for them: read before practising, they anchor the answer.
 */
export function InterviewerMaterialPanel({
  question,
  onShow,
  buttonRef,
}: {
  question: Question;
  onShow: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const headingId = `${MATERIAL_PANEL_ID}-title`;
  return (
    <section
      id={MATERIAL_PANEL_ID}
      aria-labelledby={headingId}
      {...cardProps({ className: "material-panel" })}
    >
      <p className="material-panel__eyebrow">Hidden until you have practised</p>
      <h2 id={headingId} className="material-panel__title">
        Interviewer material
      </h2>
      <p className="material-panel__why">
        Practise the question first, so the rubric and the example answers do not anchor you: they open here
        by themselves once you have scored an attempt. Interviewers preparing a session can show them now.
      </p>
      <ul className="material-panel__contents" aria-label="What is hidden">
        {contents(question).map((item) => (
          <li key={item.name} className="material-panel__item">
            <span className="material-panel__name">{item.name}</span>
            <span className="material-panel__size">{item.size}</span>
          </li>
        ))}
      </ul>
      <div className="material-panel__actions">
        <button ref={buttonRef} type="button" className={buttonClass("quiet")} onClick={onShow}>
          Show the interviewer material
        </button>
        <span className="hint">Remembered for this question on this device.</span>
      </div>
    </section>
  );
}

/** The way back: on the first revealed section, hides all of the material again. */
export function HideMaterialButton({ onHide }: { onHide: () => void }) {
  return (
    <button
      type="button"
      className={buttonClass("quiet", { size: "small", className: "material-hide" })}
      onClick={onHide}
    >
      Hide the interviewer material
    </button>
  );
}
