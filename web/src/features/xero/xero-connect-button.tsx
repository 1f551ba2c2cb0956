import type { ButtonHTMLAttributes } from 'react';

interface XeroConnectButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  busy?: boolean;
  busyLabel?: string;
}

/** Xero's "Connect to Xero" button: its blue, its mark, and a label that says where you are going. */
export function XeroConnectButton({
  busy = false,
  busyLabel = 'Opening Xero…',
  disabled,
  children,
  ...rest
}: XeroConnectButtonProps) {
  return (
    <button
      type="button"
      className="button xero-connect"
      {...rest}
      disabled={busy || disabled}
      aria-busy={busy || undefined}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
        <circle cx="12" cy="12" r="12" fill="#fff" />
        <path d="M7.5 7.5l9 9m0-9l-9 9" stroke="#0078c8" strokeWidth="2.4" strokeLinecap="round" />
      </svg>
      {busy ? busyLabel : (children ?? 'Connect to Xero')}
    </button>
  );
}
