import type { ReactNode, Ref } from "react";
import { Link } from "react-router";
import { buttonClass } from "../../../ui/button";
import { CalPage } from "./CalPage";
import "./NarrowPanel.css";

/**
 * A page that is one short message: an eyebrow, a focusable title, what to do, and its actions
 * (by default, the way to the calibration home page). `alert` announces it as soon as it appears.
 */
export function NarrowPanel({
  eyebrow,
  title,
  headingRef,
  alert = false,
  notice,
  actions,
  children,
}: {
  eyebrow: string;
  title: string;
  headingRef?: Ref<HTMLHeadingElement>;
  alert?: boolean;
  /** Set between the title and the body, such as why a sign-in ended. */
  notice?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <CalPage>
      <div className="cal-narrow" role={alert ? "alert" : undefined}>
        <p className="eyebrow">{eyebrow}</p>
        <h1 className="page-title cal-narrow__title" tabIndex={headingRef ? -1 : undefined} ref={headingRef}>
          {title}
        </h1>
        {notice}
        <div className="prose cal-narrow__body">{children}</div>
        <p className="cal-actions cal-narrow__actions">
          {actions ?? (
            <Link to="/calibration" className={buttonClass("quiet")}>
              About calibration
            </Link>
          )}
        </p>
      </div>
    </CalPage>
  );
}
