import { useCurrentUser } from '../auth/use-current-user';

export function HomePage() {
  const me = useCurrentUser();
  return (
    <>
      <h1>Welcome{me.data ? `, ${me.data.firstName}` : ''}</h1>
      <p className="lead">You are signed in{me.data ? ` as ${me.data.email}` : ''}.</p>
    </>
  );
}
