import type { ReactNode } from "react";
import { Loading } from "../../../components/Status";
import { Breadcrumb } from "../../../ui/Breadcrumb";
import "./CalPage.css";

/** The page box of every calibration page, with the way back above it when there is one. */
export function CalPage({
  crumbs,
  className,
  children,
}: {
  crumbs?: { to: string; label: string }[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className ? `container cal-page ${className}` : "container cal-page"}>
      {crumbs ? <Breadcrumb trail={crumbs} /> : null}
      {children}
    </div>
  );
}

/** The placeholder of a page still loading: a heading and two lines. */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <Loading label={label}>
      <span className="skeleton skeleton--heading" />
      <span className="skeleton" />
      <span className="skeleton skeleton--short" />
    </Loading>
  );
}

/** A whole calibration page that is still loading. */
export function LoadingPage({ label, crumbs }: { label: string; crumbs?: { to: string; label: string }[] }) {
  return (
    <CalPage crumbs={crumbs}>
      <PageSkeleton label={label} />
    </CalPage>
  );
}
