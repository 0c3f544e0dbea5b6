import { useEffect, useRef, type ReactNode } from 'react';
import type { HubError } from './api';
import { messages as m } from './messages';

export function Loading() {
  return (
    <p role="status" aria-live="polite">
      {m.loading}
    </p>
  );
}

export function Errors({ errors }: { errors: HubError[] }) {
  if (!errors.length) return null;
  return (
    <div role="alert" className="error">
      <strong>{m.error}: </strong>
      {errors.map((e) => e.extensions?.code ?? e.message).join('; ')}
    </div>
  );
}

/** A page heading that takes the focus when the page opens, so that a screen reader announces the new screen. */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
    document.title = `${typeof children === 'string' ? children : ''} — ${m.appTitle}`;
  }, [children]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** A modal confirmation on the native dialog element: focus is kept inside, Escape cancels. */
export function Confirm(props: { open: boolean; text: string; onConfirm: () => void; onCancel: () => void; busy?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog ref={ref} aria-labelledby="confirm-text" onCancel={props.onCancel}>
      <p id="confirm-text">{props.text}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={props.onConfirm} disabled={props.busy}>
          {m.consent.confirm}
        </button>
        <button type="button" onClick={props.onCancel}>
          {m.consent.cancel}
        </button>
      </div>
    </dialog>
  );
}
