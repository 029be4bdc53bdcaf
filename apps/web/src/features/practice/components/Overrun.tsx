import type { ReactNode } from "react";
import "./Overrun.css";

/** Time spent beyond the plan, set apart in the warning colour. */
export function Overrun({ children }: { children: ReactNode }) {
  return <span className="pr-over">{children}</span>;
}
