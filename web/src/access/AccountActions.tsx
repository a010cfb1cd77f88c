import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormProblem, useFormProblems } from "../components/FormErrors";
import { TextField } from "../components/TextField";
import { sendJson } from "./session-api";

type Props = { username: string; disabled: boolean; onChanged: () => void };

/**
 * An administrator's actions on one user's account: disable (with a reason,
 * kept in the audit log) or enable, and set a new password. The server
 * refuses users with a role outside the administrator's organisation.
 */
export function AccountActions({ username, disabled, onChanged }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [password, setPassword] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const base = `/api/admin/users/${encodeURIComponent(username)}`;
  const toggle = useMutation({
    mutationFn: () =>
      disabled
        ? sendJson("POST", `${base}/enable`, {})
        : sendJson("POST", `${base}/disable`, { reason }),
    onSuccess: () => {
      setDone(disabled ? t("admin.account.enabled") : t("admin.account.disabled"));
      setReason("");
      onChanged();
    },
  });
  const reset = useMutation({
    mutationFn: () => sendJson("POST", `${base}/password`, { password }),
    onSuccess: () => {
      setDone(t("admin.account.passwordSet"));
      setPassword("");
    },
  });
  const id = username.replace(/[^a-z0-9]/g, "-");
  const submitToggle = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    toggle.mutate();
  };
  const submitReset = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    reset.mutate();
  };
  const toggleInputs = {
    reason: { inputId: `disable-reason-${id}`, label: t("admin.account.reason") },
  };
  const resetInputs = {
    password: { inputId: `reset-password-${id}`, label: t("admin.account.newPassword") },
  };
  const reasonError = useFormProblems(toggle.error, toggleInputs).errorOf("reason");
  const passwordError = useFormProblems(reset.error, resetInputs).errorOf("password");
  return (
    <details className="account-actions">
      <summary>
        {t("admin.account.summary")}
        <span className="sr-only"> {username}</span>
      </summary>
      <FormProblem error={toggle.error} inputs={toggleInputs} />
      <FormProblem error={reset.error} inputs={resetInputs} />
      {done && (
        <p className="account-done" role="status">
          {done}
        </p>
      )}
      <form onSubmit={submitToggle} noValidate>
        {!disabled && (
          <TextField
            id={`disable-reason-${id}`}
            label={t("admin.account.reason")}
            required
            value={reason}
            onChange={setReason}
            error={reasonError}
          />
        )}
        <button type="submit" className="button button-secondary mt-3">
          {disabled ? t("admin.account.enable") : t("admin.account.disable")}
        </button>
      </form>
      <form onSubmit={submitReset} noValidate>
        <TextField
          id={`reset-password-${id}`}
          label={t("admin.account.newPassword")}
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={setPassword}
          error={passwordError}
        />
        <button type="submit" className="button button-secondary mt-3">
          {t("admin.account.setPassword")}
        </button>
      </form>
    </details>
  );
}
