import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AdminNav } from "../admin/AdminNav";
import { getJson } from "../api/client";
import { ScrollableTable } from "../app/ScrollableTable";
import { describedBy, FieldError, FormProblem, useFormProblems } from "../components/FormErrors";
import { Loading } from "../components/Loading";
import { TextField } from "../components/TextField";
import { AccountActions } from "./AccountActions";
import { roleLabel, userKindLabel } from "./labels";
import { ErrorOrForbidden } from "./RequireLogin";
import { sendJson, useMe } from "./session-api";

type AdminUser = {
  id: string;
  username: string;
  displayName: string;
  kind: string;
  demo: boolean;
  disabled: boolean;
  memberships: {
    membershipId: string;
    role: string;
    organisationId: string;
    organisationName: string;
  }[];
};
type Organisation = { id: string; name: string; kind: string };

/** The roles an administrator grants; body leads and committee members are the operator's. */
const ROLES = ["clinician", "coordinator", "administrator"];

/**
 * Administrators manage the users of their organisation and the units under
 * it: their memberships (organisation + role), and their accounts.
 */
export function AdminUsersPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useMe();
  const users = useQuery({
    queryKey: ["admin", "users"],
    queryFn: ({ signal }) => getJson<AdminUser[]>("/api/admin/users", signal),
  });
  const organisations = useQuery({
    queryKey: ["admin", "organisations"],
    queryFn: ({ signal }) => getJson<Organisation[]>("/api/admin/organisations", signal),
    enabled: users.isSuccess,
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ["admin", "users"] });
  const create = useMutation({
    mutationFn: (body: {
      username: string;
      displayName: string;
      kind: string;
      password?: string;
    }) => sendJson("POST", "/api/admin/users", body),
    onSuccess: refresh,
  });
  const grant = useMutation({
    mutationFn: (v: { username: string; organisationId: string; role: string; revoke?: boolean }) =>
      sendJson(
        "POST",
        `/api/admin/users/${encodeURIComponent(v.username)}/memberships${v.revoke ? "/revoke" : ""}`,
        { organisationId: v.organisationId, role: v.role },
      ),
    onSuccess: refresh,
  });
  const [newUser, setNewUser] = useState({ username: "", displayName: "", password: "" });
  const [grantTo, setGrantTo] = useState({ username: "", organisationId: "", role: "clinician" });
  const createInputs = {
    username: { inputId: "new-username", label: t("admin.fields.username") },
    displayName: { inputId: "new-displayName", label: t("admin.fields.displayName") },
    password: { inputId: "new-password", label: t("admin.fields.password") },
  };
  const grantInputs = {
    username: { inputId: "grant-user", label: t("admin.user") },
    organisationId: { inputId: "grant-organisation", label: t("admin.organisation") },
    role: { inputId: "grant-role", label: t("admin.role") },
  };
  const createErrorOf = useFormProblems(create.error, createInputs).errorOf;
  const grantErrorOf = useFormProblems(grant.error, grantInputs).errorOf;

  if (users.isPending) return <Loading />;
  if (users.isError)
    return <ErrorOrForbidden error={users.error} onRetry={() => void users.refetch()} />;

  const submitUser = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      username: newUser.username,
      displayName: newUser.displayName,
      kind: "staff",
      ...(newUser.password ? { password: newUser.password } : {}),
    });
  };
  const submitGrant = (e: FormEvent) => {
    e.preventDefault();
    grant.mutate(grantTo);
  };

  return (
    <>
      <title>{`${t("admin.title")} – ${t("app.name")}`}</title>
      <AdminNav />
      <h1>{t("admin.title")}</h1>
      <p className="font-lead">{t("admin.intro")}</p>
      <p>
        <Link to="/konto/adgangskode">{t("account.title")}</Link>
      </p>
      <ScrollableTable label={t("admin.title")}>
        <table className="table table--zebra admin-users">
          <caption className="sr-only">{t("admin.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.user")}</th>
              <th scope="col">{t("admin.kind")}</th>
              <th scope="col">{t("admin.memberships")}</th>
              <th scope="col">{t("admin.account.heading")}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.id}>
                <td>
                  {u.displayName}
                  <span className="d-block">{u.username}</span>
                  {u.disabled && (
                    <span className="badge badge-small disabled-badge">
                      {t("admin.account.disabledBadge")}
                    </span>
                  )}
                </td>
                <td>{userKindLabel(t, u.kind)}</td>
                <td>
                  <ul className="nobullet-list">
                    {u.memberships.map((m) => (
                      <li key={m.membershipId}>
                        {m.organisationName} – {roleLabel(t, m.role)}{" "}
                        <button
                          type="button"
                          className="function-link"
                          onClick={() =>
                            grant.mutate({
                              username: u.username,
                              organisationId: m.organisationId,
                              role: m.role,
                              revoke: true,
                            })
                          }
                        >
                          {t("admin.revoke")}
                          <span className="sr-only">
                            {" "}
                            {u.username} {m.organisationName}
                          </span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {u.kind === "staff" && u.id !== me.data?.user.id && (
                    <AccountActions
                      username={u.username}
                      disabled={u.disabled}
                      onChanged={refresh}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <div className="row mt-7">
        <form className="col-12 col-md-6" onSubmit={submitUser}>
          <h2>{t("admin.createTitle")}</h2>
          <FormProblem error={create.error} inputs={createInputs} />
          {(["username", "displayName", "password"] as const).map((field) => (
            <TextField
              key={field}
              id={`new-${field}`}
              label={t(`admin.fields.${field}`)}
              type={field === "password" ? "password" : "text"}
              autoComplete={field === "password" ? "new-password" : "off"}
              value={newUser[field]}
              onChange={(value) => setNewUser({ ...newUser, [field]: value })}
              error={createErrorOf(field)}
            />
          ))}
          <button type="submit" className="button button-primary mt-4">
            {t("admin.create")}
          </button>
        </form>
        <form className="col-12 col-md-6" onSubmit={submitGrant}>
          <h2>{t("admin.grantTitle")}</h2>
          <FormProblem error={grant.error} inputs={grantInputs} />
          <div className={`form-group${grantErrorOf("username") ? " form-error" : ""}`}>
            <label className="form-label" htmlFor="grant-user">
              {t("admin.user")}
            </label>
            <FieldError id="grant-user-error" message={grantErrorOf("username")} />
            <select
              id="grant-user"
              {...describedBy("grant-user", { error: grantErrorOf("username") })}
              className="form-select"
              value={grantTo.username}
              onChange={(e) => setGrantTo({ ...grantTo, username: e.target.value })}
            >
              <option value="">–</option>
              {users.data
                .filter((u) => u.kind === "staff")
                .map((u) => (
                  <option key={u.id} value={u.username}>
                    {u.displayName} ({u.username})
                  </option>
                ))}
            </select>
          </div>
          <div className={`form-group${grantErrorOf("organisationId") ? " form-error" : ""}`}>
            <label className="form-label" htmlFor="grant-organisation">
              {t("admin.organisation")}
            </label>
            <FieldError id="grant-organisation-error" message={grantErrorOf("organisationId")} />
            <select
              id="grant-organisation"
              {...describedBy("grant-organisation", { error: grantErrorOf("organisationId") })}
              className="form-select"
              value={grantTo.organisationId}
              onChange={(e) => setGrantTo({ ...grantTo, organisationId: e.target.value })}
            >
              <option value="">–</option>
              {(organisations.data ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <div className={`form-group${grantErrorOf("role") ? " form-error" : ""}`}>
            <label className="form-label" htmlFor="grant-role">
              {t("admin.role")}
            </label>
            <FieldError id="grant-role-error" message={grantErrorOf("role")} />
            <select
              id="grant-role"
              {...describedBy("grant-role", { error: grantErrorOf("role") })}
              className="form-select"
              value={grantTo.role}
              onChange={(e) => setGrantTo({ ...grantTo, role: e.target.value })}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(t, r)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-primary mt-4">
            {t("admin.grant")}
          </button>
        </form>
      </div>
    </>
  );
}
