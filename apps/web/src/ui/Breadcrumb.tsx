import { Link } from "react-router";
import "./Breadcrumb.css";

/** The way back up: links separated by slashes, in a landmark named "Breadcrumb". */
export function Breadcrumb({
  trail,
  className,
}: {
  trail: { to: string; label: string }[];
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
      </ol>
    </nav>
  );
}
