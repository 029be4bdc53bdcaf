import { Link } from "react-router";
import "./Breadcrumb.css";

/**
 * The way back up: links separated by slashes, in a landmark named "Breadcrumb". `current`, when
 * given, ends the trail with where the reader is, as text marked as the current page.
 */
export function Breadcrumb({
  trail,
  current,
  className,
}: {
  trail: { to: string; label: string }[];
  current?: string;
  className?: string;
}) {
  return (
    <nav aria-label="Breadcrumb" className={`ui-breadcrumb${className ? ` ${className}` : ""}`}>
      <ol>
        {trail.map((crumb) => (
          <li key={crumb.to}>
            <Link to={crumb.to}>{crumb.label}</Link>
          </li>
        ))}
        {current ? (
          <li>
            <span className="ui-breadcrumb__current" aria-current="page">
              {current}
            </span>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
