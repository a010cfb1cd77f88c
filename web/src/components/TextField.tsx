import { FieldError } from "./FormErrors";

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "password" | "url";
  autoComplete?: string;
  required?: boolean;
  /** Said under the label, and read with the field. */
  hint?: string;
  /** The server's reason for refusing the field, shown at it. */
  error?: string | undefined;
};

/** A dkfds text input with its label, and optionally a hint and the reason it was refused. */
export function TextField({
  id,
  label,
  value,
  onChange,
  type = "text",
  autoComplete,
  required,
  hint,
  error,
}: Props) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <FieldError id={`${id}-error`} message={error} />
      <input
        className="form-input"
        id={id}
        name={id}
        type={type}
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}
