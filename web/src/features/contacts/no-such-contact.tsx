import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A contact address that leads nowhere, said plainly, with the way back to the list. */
export function NoSuchContact({ children }: { children: ReactNode }) {
  return (
    <div className="stack">
      <h1>No such contact</h1>
      <p>{children}</p>
      <p>
        <Link to="/contacts">Go to all contacts</Link>
      </p>
    </div>
  );
}
