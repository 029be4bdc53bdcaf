import { type CSSProperties, type SyntheticEvent, useEffect, useId, useState } from "react";
import {
  formatSigned,
  formatStat,
  UNDEFINED_MARK,
  UNDEFINED_REASONS,
  type UndefinedReason,
} from "../lib/format-stats";

const TIP_WIDTH = 272;
const GAP = 8;

/**
 * A statistic to two decimals, or an em dash that explains itself on hover and
 * keyboard focus (and to screen readers, through aria-describedby) when the
 * data leaves it undefined. The explanation is placed in the viewport, so the
 * scrolling tables it sits in do not cut it off.
 */
export function StatValue({
  value,
  reason,
  signed = false,
}: {
  value: number | null | undefined;
  reason: UndefinedReason;
  signed?: boolean;
}) {
  const tipId = useId();
  const [style, setStyle] = useState<CSSProperties | null>(null);

  useEffect(() => {
    if (!style) return;
    const hide = () => setStyle(null);
    window.addEventListener("scroll", hide, { capture: true, passive: true });
    window.addEventListener("resize", hide);
    return () => {
      window.removeEventListener("scroll", hide, { capture: true });
      window.removeEventListener("resize", hide);
    };
  }, [style]);

  if (value !== null && value !== undefined && Number.isFinite(value)) {
    return <span className="stat">{signed ? formatSigned(value) : formatStat(value)}</span>;
  }

  const show = (event: SyntheticEvent<HTMLElement>) => {
    const r = event.currentTarget.getBoundingClientRect();
    const width = Math.min(TIP_WIDTH, window.innerWidth - 2 * GAP);
    const left = Math.max(GAP, Math.min(r.right - width, window.innerWidth - width - GAP));
    const above = r.top > 140;
    setStyle({
      position: "fixed",
      left,
      width,
      top: above ? r.top - GAP : r.bottom + GAP,
      transform: above ? "translateY(-100%)" : undefined,
    });
  };
  const hide = () => setStyle(null);

  return (
    // A toggletip: the dash is a button that explains itself on hover, focus or press.
    <button
      type="button"
      className="stat stat--undefined"
      aria-describedby={tipId}
      onMouseEnter={show}
      onMouseLeave={hide}
      onFocus={show}
      onBlur={hide}
      onClick={(event) => (style ? hide() : show(event))}
      onKeyDown={(event) => {
        if (event.key === "Escape") hide();
      }}
    >
      <span aria-hidden="true">{UNDEFINED_MARK}</span>
      <span className="visually-hidden">undefined</span>
      <span
        role="tooltip"
        id={tipId}
        className={`stat__tip${style ? " stat__tip--open" : ""}`}
        style={style ?? undefined}
      >
        {UNDEFINED_REASONS[reason]}
      </span>
    </button>
  );
}
