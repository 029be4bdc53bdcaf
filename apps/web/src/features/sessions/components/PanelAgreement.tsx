import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { queryKeys } from "../../../api/query-keys";
import { Loading } from "../../../components/Status";
import { sessionsApi } from "../api";
import { Card } from "./Card";
import { RetryAlert } from "./RetryAlert";

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
    <Card
      titleId="ps-agreement-title"
      title="How far the panel agreed"
      kicker="The same analysis a calibration exercise runs, over the scores each interviewer submitted. Only interviewers see this."
      testId="panel-agreement"
    >
      {agreement.status === "error" ? (
        <RetryAlert onRetry={() => void agreement.refetch()}>
          Couldn’t work out the panel’s agreement: {agreement.error.message}
        </RetryAlert>
      ) : agreement.status === "success" ? (
        <Suspense fallback={placeholder}>
          <PanelAgreementResults results={agreement.data} />
        </Suspense>
      ) : (
        placeholder
      )}
    </Card>
  );
}
