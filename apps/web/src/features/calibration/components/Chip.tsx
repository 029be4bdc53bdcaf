import type { ReactNode } from "react";
import "./Chip.css";

/** A wrapping row of chips. */
export function ChipSet({ children }: { children: ReactNode }) {
  return <div className="chip-set">{children}</div>;
}

/** A checkbox drawn as a pill that fills in when ticked. */
export function ChipCheckbox({
  checked,
  onChange,
  children,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <label className={`chip${checked ? " chip--on" : ""}`}>
      <input
        type="checkbox"
        className="chip__input"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{children}</span>
    </label>
  );
}
