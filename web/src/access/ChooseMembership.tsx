import { useTranslation } from "react-i18next";
import { roleLabel } from "./labels";
import { type Me, useSwitchMembership } from "./session-api";

/** A user with several memberships chooses which organisation and role to act in. */
export function ChooseMembership({ me }: { me: Me }) {
  const { t } = useTranslation();
  const choose = useSwitchMembership();
  return (
    <>
      <h1>{t("membership.chooseTitle")}</h1>
      <p className="font-lead">{t("membership.chooseText")}</p>
      <ul className="nobullet-list">
        {me.memberships.map((m) => (
          <li key={m.membershipId} className="mb-4">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => choose.mutate(m.membershipId)}
            >
              {m.organisation.name} – {roleLabel(t, m.role)}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
