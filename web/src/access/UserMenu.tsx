import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { roleLabel, userKindLabel } from "./labels";
import { activeMembership, useLogout, useMe, useSwitchMembership } from "./session-api";

/** Who you are, which organisation you act for, a switch between memberships, and logout. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const switchTo = useSwitchMembership();
  const navigate = useNavigate();
  if (me.isPending) return null;
  if (!me.data) {
    return (
      <div className="user-menu">
        <Link className="function-link user-login" to="/login">
          {t("login.title")}
        </Link>
      </div>
    );
  }
  const active = activeMembership(me.data);
  const actingAs = active
    ? `${active.organisation.name} – ${roleLabel(t, active.role)}`
    : me.data.user.kind === "staff"
      ? t("membership.none")
      : userKindLabel(t, me.data.user.kind);
  return (
    <div className="user-menu">
      <p className="user-name">
        <span className="sr-only">{t("membership.loggedInAs")} </span>
        <strong>{me.data.user.displayName}</strong>
        <br />
        <span className="acting-as">{actingAs}</span>
      </p>
      {me.data.memberships.length > 1 && (
        <div className="form-group user-switch">
          <label className="form-label" htmlFor="membership-switch">
            {t("membership.switchLabel")}
          </label>
          <select
            id="membership-switch"
            className="form-select"
            value={me.data.activeMembershipId ?? ""}
            onChange={(e) => e.target.value && switchTo.mutate(e.target.value)}
          >
            {!me.data.activeMembershipId && <option value="">{t("membership.none")}</option>}
            {me.data.memberships.map((m) => (
              <option key={m.membershipId} value={m.membershipId}>
                {m.organisation.name} – {roleLabel(t, m.role)}
              </option>
            ))}
          </select>
        </div>
      )}
      <Link className="function-link user-password" to="/konto/adgangskode">
        {t("account.title")}
      </Link>
      <button
        type="button"
        className="function-link user-logout"
        onClick={() => logout.mutate(undefined, { onSettled: () => void navigate("/login") })}
      >
        {t("login.logout")}
      </button>
    </div>
  );
}
