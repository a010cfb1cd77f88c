import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { sendJson } from "../access/session-api";
import { getJson } from "../api/client";
import { useMunicipalities } from "../api/queries";
import {
  describedBy,
  FieldError,
  type FormInputs,
  FormProblem,
  useFormProblems,
} from "../components/FormErrors";
import { TextField } from "../components/TextField";
import { useOperationsText } from "./text";
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
  const o = useOperationsText();
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
  const inputs: FormInputs = Object.fromEntries(
    (Object.keys(EMPTY) as (keyof typeof EMPTY)[]).map((key) => [
      key,
      { inputId: `unit-${key}`, label: o(`units.fields.${key}`) },
    ]),
  );
  const { errorOf } = useFormProblems(add.error, inputs);
  const set = (key: keyof typeof EMPTY) => (value: string) => setUnit({ ...unit, [key]: value });
  const select = (key: keyof typeof EMPTY, options: { value: string; label: string }[]) => (
    <div className={`form-group${errorOf(key) ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={`unit-${key}`}>
        {o(`units.fields.${key}`)}
      </label>
      <FieldError id={`unit-${key}-error`} message={errorOf(key)} />
      <select
        id={`unit-${key}`}
        {...describedBy(`unit-${key}`, { error: errorOf(key) })}
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
  const choose = { value: "", label: o("units.choose") };

  return (
    <form onSubmit={submit} className="add-unit" noValidate>
      <h2>{o("units.addTitle")}</h2>
      <TextField
        id="unit-sorCode"
        label={o("units.fields.sorCode")}
        value={unit.sorCode}
        onChange={set("sorCode")}
        error={errorOf("sorCode")}
        required
      />
      <TextField
        id="unit-name"
        label={o("units.fields.name")}
        value={unit.name}
        onChange={set("name")}
        error={errorOf("name")}
        required
      />
      {select(
        "kind",
        UNIT_KINDS.map((k) => ({ value: k, label: o(`units.kinds.${k}`) })),
      )}
      {select("unitType", [
        choose,
        ...UNIT_TYPES.map((k) => ({ value: k, label: o(`units.unitTypes.${k}`) })),
      ])}
      <TextField
        id="unit-gln"
        label={o("units.fields.gln")}
        value={unit.gln}
        onChange={set("gln")}
        error={errorOf("gln")}
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
          label={o("units.fields.providerNumber")}
          value={unit.providerNumber}
          onChange={set("providerNumber")}
          error={errorOf("providerNumber")}
          required
        />
      )}
      <button type="submit" className="button button-primary mt-4" disabled={add.isPending}>
        {o("units.add")}
      </button>
      <div aria-live="polite" className="mt-4">
        <FormProblem error={add.error} inputs={inputs} />
        {add.isSuccess && (
          <div className="alert alert-success">
            <div className="alert-body">
              <p className="alert-text">{o("units.added", { name: add.data.name })}</p>
            </div>
          </div>
        )}
      </div>
    </form>
  );
}
