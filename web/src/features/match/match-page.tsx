import { useRef } from 'react';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { messageOf } from '../../lib/app-error';
import { notify } from '../../lib/notify';
import { trpc } from '../../trpc';
import { useCurrentUser } from '../auth/use-current-user';
import { XeroQueryState } from '../xero/xero-query-state';
import { reasonLabels } from './reason-labels';
import { roleLabel } from './role-labels';
import { XeroEmailForm } from './xero-email-form';

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** "Which Xero user am I?": ranked candidates with their reasons, the current link, Link and Unlink. */
export function MatchPage() {
  const me = useCurrentUser();
  const guess = trpc.xero.guessUser.useQuery();
  const utils = trpc.useUtils();
  const currentLink = useRef<HTMLHeadingElement>(null);
  // The pressed button disappears (Link becomes a badge, Unlink goes away): focus the outcome instead.
  const refresh = async (message: string) => {
    await utils.xero.guessUser.invalidate();
    await utils.xero.status.invalidate();
    notify.success(message);
    currentLink.current?.focus();
  };
  const link = trpc.xero.linkUser.useMutation({
    onSuccess: (user) => refresh(`Linked to ${user.firstName} ${user.lastName}`),
  });
  const unlink = trpc.xero.unlinkUser.useMutation({ onSuccess: () => refresh('Unlinked from your Xero user') });
  const data = guess.data;

  return (
    <div className="stack">
      <h1>Match my account</h1>
      <p className="lead">
        Find which user of your Xero organisation is you, by email and by name, and link them to your account.
      </p>
      <XeroQueryState isPending={guess.isPending} error={guess.error}>
        {data ? (
          <>
            <section className="card stack" aria-labelledby="current-link">
              <h2 id="current-link" ref={currentLink} tabIndex={-1}>
                Current link
              </h2>
              {data.linkedUser ? (
                <div className="actions">
                  <p>{`Linked to ${data.linkedUser.firstName} ${data.linkedUser.lastName} (${data.linkedUser.email}) in ${data.organisation}.`}</p>
                  <Button
                    variant="secondary"
                    busy={unlink.isPending}
                    busyLabel="Unlinking…"
                    onClick={() => unlink.mutate()}
                  >
                    Unlink
                  </Button>
                </div>
              ) : (
                <p>Your account is not linked to a Xero user yet.</p>
              )}
              {unlink.error ? <Alert>{messageOf(unlink.error)}</Alert> : null}
            </section>
            <section className="stack" aria-labelledby="candidates-title">
              <h2 id="candidates-title">{`Possible matches in ${data.organisation}`}</h2>
              <p className="result-count">{`${data.usersChecked} organisation users checked.`}</p>
              {link.error ? <Alert>{messageOf(link.error)}</Alert> : null}
              {data.candidates.length === 0 ? (
                <p className="empty">
                  No user of this organisation matches your email or name. If you use another email at Xero, enter it
                  below.
                </p>
              ) : (
                <ol className="candidates">
                  {data.candidates.map((candidate) => {
                    const linked = data.linkedUser?.userId === candidate.userId;
                    return (
                      <li key={candidate.userId} className="card candidate">
                        <div>
                          <p className="candidate-name">{`${candidate.firstName} ${candidate.lastName}`}</p>
                          <p className="field-hint">{`${candidate.email} · ${roleLabel(candidate.role)} · ${percent(candidate.confidence)} match`}</p>
                          <ul className="reasons">
                            {candidate.reasons.map((reason) => (
                              <li key={reason}>{reasonLabels[reason]}</li>
                            ))}
                          </ul>
                        </div>
                        {linked ? (
                          <span className="badge">Linked</span>
                        ) : (
                          <Button
                            busy={link.isPending && link.variables?.xeroUserId === candidate.userId}
                            busyLabel="Linking…"
                            disabled={link.isPending}
                            onClick={() => link.mutate({ xeroUserId: candidate.userId })}
                            aria-label={`Link ${candidate.firstName} ${candidate.lastName}`}
                          >
                            Link
                          </Button>
                        )}
                      </li>
                    );
                  })}
                </ol>
              )}
            </section>
          </>
        ) : null}
      </XeroQueryState>
      {me.data ? <XeroEmailForm current={me.data.xeroEmail} /> : null}
    </div>
  );
}
