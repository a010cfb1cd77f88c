import { useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/client";
import { ErrorSummary } from "../components/FormErrors";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { NotFoundPage } from "../pages/NotFoundPage";
import { type AgreementView, stepAgreement, useAgreement, useAgreementChange } from "./api";
import { Breadcrumbs } from "./Breadcrumbs";
import { CommentSection } from "./CommentSection";
import { CommitmentList } from "./CommitmentList";
import { DecisionsSection } from "./DecisionList";
import { Lifecycle } from "./Lifecycle";
import { agreementPath } from "./paths";
import { StatusTag } from "./StatusTag";
import { useAgreementText } from "./text";
import { VersionTable } from "./VersionTable";

/** One agreement: its current version, the lifecycle so far, commitments, responses and versions. */
export function AgreementPage() {
  const t = useAgreementText();
  const { agreementId = "" } = useParams();
  const query = useAgreement(agreementId);
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const a = query.data;
  return (
    <>
      <title>{`${a.title} – ${a.body.name}`}</title>
      <Breadcrumbs body={a.body} current={a.title} />
      <h1>{a.title}</h1>
      <p>
        <StatusTag status={a.status} /> {t("agreements.versionOf", { version: a.version })}
        {a.public && (
          <>
            {" "}
            <span className="badge badge-small badge-info">{t("agreements.publicTag")}</span>
          </>
        )}
      </p>
      <p className="font-lead agreement-summary">{a.summary}</p>
      <Actions agreement={a} />
      <Lifecycle agreement={a} />
      <CommitmentList agreement={a} />
      <DecisionsSection on="agreements" id={a.id} />
      <CommentSection agreement={a} />
      <VersionTable agreement={a} />
    </>
  );
}

type Step = Exclude<AgreementView["status"], "draft">;

/** The next step and the edit link, where the reader may take them. */
function Actions({ agreement: a }: { agreement: AgreementView }) {
  const t = useAgreementText();
  const [error, setError] = useState<Error | null>(null);
  const step = useAgreementChange((to: Step) => stepAgreement(a.id, a.version, to));
  if (!a.may.step && !a.may.edit) return null;
  return (
    <div className="agreement-actions">
      {error && (
        <ErrorSummary heading={t("agreements.stepRefused")} error={error} targetOf={() => null} />
      )}
      {a.may.step && (
        <button
          type="button"
          className="button button-primary"
          disabled={step.isPending}
          onClick={() => {
            const to = a.may.step;
            if (!to || to === "draft") return;
            setError(null);
            step.mutate(to, { onError: setError });
          }}
        >
          {t(`agreements.stepButton.${a.may.step as Step}`)}
        </button>
      )}{" "}
      {a.may.edit && (
        <Link
          className="button button-secondary"
          to={`${agreementPath(a.body.id, a.body.kind, a.id)}/rediger`}
        >
          {t("agreements.edit")}
        </Link>
      )}
    </div>
  );
}
