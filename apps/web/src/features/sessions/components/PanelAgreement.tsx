import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { queryKeys } from "../../../api/query-keys";
import { Loading } from "../../../components/Status";
import { buttonClass } from "../../../ui/button";
import { sessionsApi } from "../api";

const PanelAgreementResults = lazy(() => import("./PanelAgreementResults"));

const placeholder = (
  <Loading label="Working out how far the panel agreed">
    <span className="skeleton skeleton--heading" />
    <span className="skeleton" />
    <span className="skeleton skeleton--short" />
  </Loading>
);

/** After release, interviewers only: the calibration analysis of this session's scorecards. */
export function PanelAgreement({
  sessionId,
  credential,
  scorecards,
}: {
  sessionId: string;
  credential: string;
  /** How many interviewers have submitted; a change refetches. */
  scorecards: number;
}) {
  const agreement = useQuery({
    queryKey: queryKeys.session.agreement(sessionId, credential, scorecards),
    queryFn: ({ signal }) => sessionsApi.agreement(sessionId, credential, signal),
  });

  return (
    <section className="ps-card" aria-labelledby="ps-agreement-title" data-testid="panel-agreement">
      <header className="ps-card__header">
        <h2 id="ps-agreement-title" className="ps-card__title">
          How far the panel agreed
        </h2>
        <p className="ps-card__kicker">
          The same analysis a calibration exercise runs, over the scores each interviewer submitted. Only
          interviewers see this.
        </p>
      </header>
      {agreement.status === "error" ? (
        <p className="ps-error" role="alert">
          Couldn’t work out the panel’s agreement: {agreement.error.message}{" "}
          <button type="button" className={buttonClass("link")} onClick={() => void agreement.refetch()}>
            Try again
          </button>
        </p>
      ) : agreement.status === "success" ? (
        <Suspense fallback={placeholder}>
          <PanelAgreementResults results={agreement.data} />
        </Suspense>
      ) : (
        placeholder
      )}
    </section>
  );
}
