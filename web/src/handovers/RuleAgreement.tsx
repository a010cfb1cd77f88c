import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { agreementPath } from "../governance/paths";
import type { BodyKindKey, RuleView } from "./rule-text";

/** Which agreement set the rule, when its adoption did (src/governance), with a link to it. */
export function RuleAgreement({
  bodyId,
  kind,
  view,
}: {
  bodyId: string;
  kind: BodyKindKey;
  view: RuleView;
}) {
  const { t } = useTranslation();
  const set = view.setByAgreement;
  if (!set) return null;
  return (
    <p className="rule-agreement">
      <Link to={agreementPath(bodyId, kind === "neutral" ? undefined : kind, set.id)}>
        {t("handoverRules.setByAgreement", { title: set.title, version: set.version })}
      </Link>
    </p>
  );
}
