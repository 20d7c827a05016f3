import { useId, type ReactNode } from 'react';

/**
 * A labelled form field with its message right under it (in red when it is a problem),
 * tied to the control with aria-describedby and aria-invalid so a screen reader reads
 * it with the field. `children` gets the ids to put on the control.
 */
export function Field({
  label,
  message,
  hint,
  wide,
  children,
}: {
  label: string;
  message?: string | undefined;
  hint?: string;
  wide?: boolean;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const id = useId();
  const noteId = `${id}-note`;
  const described = message || hint ? noteId : undefined;
  return (
    <div className={wide ? 'field-box wide' : 'field-box'}>
      <label className="field" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(message ? { 'aria-invalid': true } : {}),
      })}
      {message ? (
        <p className="field-message" id={noteId}>
          {message}
        </p>
      ) : hint ? (
        <p className="field-message hint" id={noteId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
