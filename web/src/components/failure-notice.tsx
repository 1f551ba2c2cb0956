import { useEffect, useState } from 'react';
import { humanDuration } from '../../../shared/human-duration';
import { failureCause, reachedServer, readAppError, type FailureCause } from '../lib/app-error';
import { Button } from './button';

const causeTitles: Record<FailureCause, string> = {
  xero: 'Xero could not answer',
  network: 'The server could not be reached',
  settings: 'Xero is not set up',
  us: 'Something failed on our side',
  missing: 'Not found',
  request: 'That did not work',
};

/** Another try can help when something was down or busy; not when the answer was a definite no. */
const retryHelps: Record<FailureCause, boolean> = {
  xero: true,
  network: true,
  us: true,
  settings: false,
  missing: false,
  request: false,
};

interface FailureNoticeProps {
  error: unknown;
  /** Runs the failed request again; offered as "Try again", and run by itself after a rate-limit wait. */
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failure said plainly: whose problem it is, what happened, and a way to try again. */
export function FailureNotice({ error, onRetry, retrying = false }: FailureNoticeProps) {
  const failure = readAppError(error);
  if (!failure) return null;
  const cause = failureCause(failure, reachedServer(error));
  if (failure.appCode === 'XERO_RATE_LIMITED' && failure.retryAfter !== null && onRetry) {
    return <RateLimitCountdown message={failure.message} seconds={failure.retryAfter} onRetry={onRetry} />;
  }
  return (
    <div className="alert alert-error notice" role="alert">
      <p className="notice-title">{causeTitles[cause]}</p>
      <p>{failure.message}</p>
      {onRetry && retryHelps[cause] ? (
        <Button variant="secondary" busy={retrying} busyLabel="Trying again…" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}

/** Xero asked us to wait: show how long in words, count down, and try again by itself at the end. */
function RateLimitCountdown({ message, seconds, onRetry }: { message: string; seconds: number; onRetry: () => void }) {
  const [deadline] = useState(() => Date.now() + seconds * 1000);
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        onRetry();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline, onRetry]);
  return (
    <div className="alert alert-info notice" role="status">
      <p className="notice-title">Xero asked us to slow down</p>
      <p>{message}</p>
      <p>
        {left > 0 ? `Trying again by itself in ${humanDuration(left * 1000)}.` : 'Trying again…'}{' '}
        <button type="button" className="link-button" onClick={onRetry}>
          Try now
        </button>
      </p>
    </div>
  );
}
