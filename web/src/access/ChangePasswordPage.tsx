import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormProblem, useFormProblems } from "../components/FormErrors";
import { TextField } from "../components/TextField";
import { sendJson } from "./session-api";

/** Any logged-in user changes their own password; every other session of theirs ends. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState({ currentPassword: "", newPassword: "" });
  const change = useMutation({
    mutationFn: (body: typeof form) =>
      sendJson<{ endedSessions: number }>("POST", "/api/me/password", body),
    onSuccess: () => setForm({ currentPassword: "", newPassword: "" }),
  });
  const inputs = {
    currentPassword: { inputId: "current-password", label: t("account.currentPassword") },
    newPassword: { inputId: "new-password", label: t("account.newPassword") },
  };
  const { errorOf } = useFormProblems(change.error, inputs);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate(form);
  };
  return (
    <>
      <title>{`${t("account.title")} – ${t("app.name")}`}</title>
      <h1>{t("account.title")}</h1>
      <p className="font-lead">{t("account.intro")}</p>
      <FormProblem error={change.error} inputs={inputs} />
      {change.isSuccess && (
        <div className="alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text">
              {t("account.changed", { count: change.data.endedSessions })}
            </p>
          </div>
        </div>
      )}
      <form className="col-12 col-md-6" onSubmit={submit} noValidate>
        <TextField
          id="current-password"
          label={t("account.currentPassword")}
          type="password"
          autoComplete="current-password"
          required
          value={form.currentPassword}
          error={errorOf("currentPassword")}
          onChange={(currentPassword) => setForm({ ...form, currentPassword })}
        />
        <TextField
          id="new-password"
          label={t("account.newPassword")}
          type="password"
          autoComplete="new-password"
          required
          value={form.newPassword}
          error={errorOf("newPassword")}
          onChange={(newPassword) => setForm({ ...form, newPassword })}
        />
        <button type="submit" className="button button-primary mt-4" disabled={change.isPending}>
          {t("account.submit")}
        </button>
      </form>
    </>
  );
}
