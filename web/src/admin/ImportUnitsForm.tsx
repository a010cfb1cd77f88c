import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { sendJson } from "../access/session-api";
import { ProblemAlert } from "../components/ProblemAlert";
import { useOperationsText } from "./text";

type Summary = { added: number; updated: number; unchanged: number };

/** Imports a CSV or JSON file of units, read in the browser and sent whole; all or nothing. */
export function ImportUnitsForm() {
  const o = useOperationsText();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async (f: File) =>
      sendJson<Summary>("POST", "/api/admin/organisation-units/import", {
        format: /\.json$/i.test(f.name) ? "json" : "csv",
        content: await f.text(),
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["admin", "units"] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) upload.mutate(file);
  };
  return (
    <form onSubmit={submit} className="import-units">
      <h2>{o("units.importTitle")}</h2>
      <p className="form-hint" id="units-file-hint">
        {o("units.importHint")}
      </p>
      <div className="form-group">
        <label className="form-label" htmlFor="units-file">
          {o("units.file")}
        </label>
        <input
          id="units-file"
          type="file"
          className="form-file-input"
          accept=".csv,.json,text/csv,application/json"
          aria-describedby="units-file-hint"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          required
        />
      </div>
      <button type="submit" className="button button-primary mt-4" disabled={upload.isPending}>
        {o("units.import")}
      </button>
      <div aria-live="polite" className="mt-4">
        {upload.isError && <ProblemAlert error={upload.error} />}
        {upload.isSuccess && (
          <div className="alert alert-success">
            <div className="alert-body">
              <p className="alert-text">{o("units.imported", upload.data)}</p>
            </div>
          </div>
        )}
      </div>
    </form>
  );
}
