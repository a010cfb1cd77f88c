import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { sendText } from "../access/session-api";
import { ErrorSummary, FieldError } from "../components/FormErrors";
import { formatDate } from "../format";
import { useCapacityText } from "./capacity-api";

const INPUT_ID = "capacity-file";

type Imported = {
  facts: number;
  practices: number;
  oldestAsOf: string | null;
  newestAsOf: string | null;
};

/**
 * The body's coordinators and lead import a CSV file of practices' facts. A bad
 * file is refused whole: the summary lists each line and column, nothing is written.
 */
export function CapacityImportForm({ bodyId }: { bodyId: string }) {
  const t = useCapacityText();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async (chosen: File) =>
      sendText<Imported>(
        `/api/bodies/${encodeURIComponent(bodyId)}/gp-capacity/import`,
        "text/csv",
        await chosen.text(),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ["gp-capacity", bodyId] }),
  });
  const refused = upload.error ? t("capacity.import.refused") : undefined;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.mutate(file);
      }}
    >
      {upload.error && (
        <ErrorSummary
          heading={t("capacity.import.errorHeading")}
          error={upload.error}
          targetOf={() => null}
        />
      )}
      <div className={`form-group${refused ? " form-error" : ""}`}>
        <label className="form-label" htmlFor={INPUT_ID}>
          {t("capacity.import.label")}
        </label>
        <span className="form-hint" id={`${INPUT_ID}-hint`}>
          {t("capacity.import.hint")}
        </span>
        <FieldError id={`${INPUT_ID}-error`} message={refused} />
        <input
          id={INPUT_ID}
          type="file"
          accept=".csv,text/csv"
          className="form-input"
          aria-describedby={[`${INPUT_ID}-hint`, refused ? `${INPUT_ID}-error` : null]
            .filter(Boolean)
            .join(" ")}
          aria-invalid={refused ? true : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <button
        type="submit"
        className="button button-secondary"
        disabled={!file || upload.isPending}
      >
        {t("capacity.import.submit")}
      </button>
      {upload.data && (
        <p role="status" className="form-hint">
          {t("capacity.import.done", {
            facts: upload.data.facts,
            practices: upload.data.practices,
            from: upload.data.oldestAsOf ? formatDate(upload.data.oldestAsOf) : "–",
            to: upload.data.newestAsOf ? formatDate(upload.data.newestAsOf) : "–",
          })}
        </p>
      )}
    </form>
  );
}
