import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router";
import { ApiError } from "../api/client";
import { FormProblem, useFormProblems } from "../components/FormErrors";
import { TextField } from "../components/TextField";
import { landingPath } from "./landing";
import { useAuthConfig, useDemoUsers, useLogin, useMe } from "./session-api";

/** Shown on the login page in demo mode only; the server refuses the list otherwise. */
const DEMO_PASSWORD = "tovholder-demo";

function loginErrorKey(error: unknown): "login.locked" | "login.failed" | "login.unavailable" {
  if (error instanceof ApiError && error.status === 429) return "login.locked";
  if (error instanceof ApiError && error.status === 401) return "login.failed";
  return "login.unavailable";
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const me = useMe();
  const config = useAuthConfig();
  const demoUsers = useDemoUsers(config.data?.demo === true);
  const login = useLogin();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");

  const inputs = {
    username: { inputId: "username", label: t("login.username") },
    password: { inputId: "password", label: t("login.password") },
  };
  const { errorOf: fieldError } = useFormProblems(login.error, inputs);
  if (me.data) return <Navigate to={params.get("next") ?? landingPath(me.data)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password });
  };
  const oidcError = params.get("error");
  // A refusal naming fields (an empty username) is said at the fields, not as "unavailable".
  const refusedFields = login.error instanceof ApiError && login.error.status === 400;

  return (
    <>
      <title>{`${t("login.title")} – ${t("app.name")}`}</title>
      <h1>{t("login.title")}</h1>
      <div className="row">
        <div className="col-12 col-md-6">
          {refusedFields && <FormProblem error={login.error} inputs={inputs} />}
          {((login.isError && !refusedFields) || oidcError) && (
            <div className="alert alert-error" role="alert">
              <div className="alert-body">
                <p className="alert-text">
                  {login.isError
                    ? t(loginErrorKey(login.error))
                    : t(
                        oidcError === "oidc_unknown_user"
                          ? "login.oidcUnknownUser"
                          : "login.oidcFailed",
                      )}
                </p>
              </div>
            </div>
          )}
          <form onSubmit={submit} noValidate>
            <TextField
              id="username"
              label={t("login.username")}
              autoComplete="username"
              value={username}
              onChange={setUsername}
              required
              error={fieldError("username")}
            />
            <TextField
              id="password"
              label={t("login.password")}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              required
              error={fieldError("password")}
            />
            <button type="submit" className="button button-primary mt-5" disabled={login.isPending}>
              {t("login.submit")}
            </button>
          </form>
          {config.data?.oidc && (
            <p className="mt-6">
              <a className="button button-secondary" href="/api/auth/oidc/start">
                {t("login.oidc")}
              </a>
            </p>
          )}
        </div>
        {config.data?.demo && (
          <div className="col-12 col-md-6">
            <h2>{t("login.demoHeading")}</h2>
            <p>{t("login.demoText", { password: DEMO_PASSWORD })}</p>
            <ul className="nobullet-list demo-users">
              {(demoUsers.data ?? []).map((u) => (
                <li key={u.username}>
                  <button
                    type="button"
                    className="button button-secondary demo-user"
                    onClick={() => login.mutate({ username: u.username, password: DEMO_PASSWORD })}
                  >
                    {u.displayName}
                  </button>{" "}
                  <span className="demo-username">({u.username})</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </>
  );
}
