import { Link } from 'react-router';
import type { RouterOutputs } from '../../trpc';
import { useConnectXero } from '../xero/use-connect-xero';
import { XeroConnectButton } from '../xero/xero-connect-button';

type Status = RouterOutputs['xero']['status'];

const browsedKey = 'browsed-contacts';

/** Remembered in this browser only: a hint for the checklist, not a fact anyone relies on. */
export function rememberBrowsedContacts(): void {
  localStorage.setItem(browsedKey, '1');
}

function hasBrowsedContacts(): boolean {
  return localStorage.getItem(browsedKey) === '1';
}

interface Step {
  title: string;
  done: boolean;
  action: React.ReactNode;
}

/** Three steps for a new user; each ticks itself off from stored state, so it is never out of date. */
export function GettingStarted({ status, isAdmin }: { status: Status; isAdmin: boolean }) {
  const { connect, isPending } = useConnectXero();
  const connected = status.connected && status.health === 'ok';
  const steps: Step[] = [
    {
      title: status.needsReauth ? 'Reconnect to Xero' : 'Connect to Xero',
      done: connected,
      action: !status.configured ? (
        isAdmin ? (
          <Link to="/settings">Set up the Xero app first</Link>
        ) : (
          <span>An administrator needs to set up the Xero app first.</span>
        )
      ) : (
        <XeroConnectButton onClick={() => connect('/')} busy={isPending}>
          {status.needsReauth ? 'Reconnect to Xero' : 'Connect to Xero'}
        </XeroConnectButton>
      ),
    },
    {
      title: 'Browse your contacts',
      done: connected && hasBrowsedContacts(),
      action: <Link to="/contacts">Open contacts</Link>,
    },
    {
      title: 'Match your account to your Xero user',
      done: status.linkedXeroUserId !== null,
      action: <Link to="/match">Find your match</Link>,
    },
  ];
  const current = steps.findIndex((step) => !step.done);
  return (
    <section className="card stack" aria-labelledby="start-title">
      <h2 id="start-title">Getting started</h2>
      <ol className="checklist">
        {steps.map((step, index) => (
          <li key={step.title} className={step.done ? 'done' : index === current ? 'current' : undefined}>
            <span className="check" aria-hidden="true">
              {step.done ? '✓' : index + 1}
            </span>
            <div>
              <p className="step-title">
                {step.title}
                {step.done ? <span className="sr-only"> (done)</span> : null}
              </p>
              {!step.done && (index === current || connected) ? step.action : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
