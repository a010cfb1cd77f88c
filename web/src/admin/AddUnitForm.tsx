import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { sendJson } from "../access/session-api";
import { getJson } from "../api/client";
import { useMunicipalities } from "../api/queries";
import { ProblemAlert } from "../components/ProblemAlert";
import { TextField } from "../components/TextField";
import { UNIT_KINDS, UNIT_TYPES, type UnitKind } from "./types";

type Hospital = { id: string; name: string };
const EMPTY = {
  sorCode: "",
  name: "",
  kind: "hospital_department" as UnitKind,
  unitType: "",
  gln: "",
  hospitalId: "",
  municipalityCode: "",
  providerNumber: "",
};

/** Only the fields a kind of unit uses are sent: a department has a hospital, not a municipality. */
function bodyOf(unit: typeof EMPTY) {
  const body: Record<string, string> = { sorCode: unit.sorCode, name: unit.name, kind: unit.kind };
  const optional = (key: keyof typeof EMPTY) => {
    if (unit[key].trim() !== "") body[key] = unit[key].trim();
  };
  optional("unitType");
  optional("gln");
  if (unit.kind === "hospital_department") optional("hospitalId");
  else optional("municipalityCode");
  if (unit.kind === "general_practice") optional("providerNumber");
  return body;
}

export function AddUnitForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [unit, setUnit] = useState(EMPTY);
  const hospitals = useQuery({
    queryKey: ["hospitals"],
    queryFn: ({ signal }) => getJson<Hospital[]>("/api/hospitals", signal),
  });
  const municipalities = useMunicipalities();
  const add = useMutation({
    mutationFn: (body: Record<string, string>) =>
      sendJson<{ name: string }>("POST", "/api/admin/organisation-units", body),
    onSuccess: () => {
      setUnit(EMPTY);
      void client.invalidateQueries({ queryKey: ["admin", "units"] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(bodyOf(unit));
  };
  const set = (key: keyof typeof EMPTY) => (value: string) => setUnit({ ...unit, [key]: value });
  const select = (key: keyof typeof EMPTY, options: { value: string; label: string }[]) => (
    <div className="form-group">
      <label className="form-label" htmlFor={`unit-${key}`}>
        {t(`units.fields.${key}`)}
      </label>
      <select
        id={`unit-${key}`}
        className="form-select"
        value={unit[key]}
        onChange={(e) => set(key)(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const choose = { value: "", label: t("units.choose") };

  return (
    <form onSubmit={submit} className="add-unit">
      <h2>{t("units.addTitle")}</h2>
      <TextField
        id="unit-sorCode"
        label={t("units.fields.sorCode")}
        value={unit.sorCode}
        onChange={set("sorCode")}
        required
      />
      <TextField
        id="unit-name"
        label={t("units.fields.name")}
        value={unit.name}
        onChange={set("name")}
        required
      />
      {select(
        "kind",
        UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) })),
      )}
      {select("unitType", [
        choose,
        ...UNIT_TYPES.map((k) => ({ value: k, label: t(`units.unitTypes.${k}`) })),
      ])}
      <TextField
        id="unit-gln"
        label={t("units.fields.gln")}
        value={unit.gln}
        onChange={set("gln")}
      />
      {unit.kind === "hospital_department"
        ? select("hospitalId", [
            choose,
            ...(hospitals.data ?? []).map((h) => ({ value: h.id, label: h.name })),
          ])
        : select("municipalityCode", [
            choose,
            ...(municipalities.data ?? []).map((m) => ({
              value: m.code,
              label: `${m.name} (${m.code})`,
            })),
          ])}
      {unit.kind === "general_practice" && (
        <TextField
          id="unit-providerNumber"
          label={t("units.fields.providerNumber")}
          value={unit.providerNumber}
          onChange={set("providerNumber")}
          required
        />
      )}
      <button type="submit" className="button button-primary mt-4" disabled={add.isPending}>
        {t("units.add")}
      </button>
      <div aria-live="polite" className="mt-4">
        {add.isError && <ProblemAlert error={add.error} />}
        {add.isSuccess && (
          <div className="alert alert-success">
            <div className="alert-body">
              <p className="alert-text">{t("units.added", { name: add.data.name })}</p>
            </div>
          </div>
        )}
      </div>
    </form>
  );
}
