import { useId, type InputHTMLAttributes } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  errors?: string[] | undefined;
  hint?: string;
}

/** A labelled input whose errors are announced and tied to it for assistive technology. */
export function TextField({ label, errors, hint, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasErrors = errors !== undefined && errors.length > 0;
  const describedBy = [hint ? hintId : null, hasErrors ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input id={id} aria-invalid={hasErrors || undefined} aria-describedby={describedBy} {...input} />
      {hasErrors ? (
        <p id={errorId} className="field-error">
          {errors.map((error) => (
            <span key={error} className="field-error-line">
              {error}
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
