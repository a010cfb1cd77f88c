import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { capacityPath, capacityText } from "./capacity-api";
import { initiativeText } from "./initiative-text";
import { ledgerPath, ledgerText } from "./ledger-api";
import { meetingText } from "./meeting-text";
import { agreementsPath, initiativesPath, meetingsPath } from "./paths";
import { agreementText } from "./text";

/**
 * The body's own work (issue 22), one link each: on the body's page, and on
 * its dashboard, where its lead and council members land after login.
 */
export function BodyWorkLinks({
  body,
  headed = false,
}: {
  body: { id: string; kind: string; name: string };
  /** Under its own heading (the dashboard), or as plain links among others (the body's page). */
  headed?: boolean;
}) {
  const { t } = useTranslation();
  const name = { name: body.name };
  const links = [
    [agreementsPath(body.id, body.kind), agreementText(t)("agreements.bodyLink", name)],
    [initiativesPath(body.id, body.kind), initiativeText(t)("initiatives.bodyLink", name)],
    [meetingsPath(body.id, body.kind), meetingText(t)("meetings.bodyLink", name)],
    [capacityPath(body.id, body.kind), capacityText(t)("capacity.bodyLink", name)],
    [ledgerPath(body.id, body.kind), ledgerText(t)("ledger.bodyLink", name)],
  ] as const;
  const list = links.map(([to, text]) => (
    <p key={to}>
      <Link className="function-link" to={to}>
        {text}
      </Link>
    </p>
  ));
  if (!headed) return <>{list}</>;
  return (
    <section aria-labelledby="body-work">
      <h2 id="body-work">{agreementText(t)("agreements.bodyWork", name)}</h2>
      {list}
    </section>
  );
}
