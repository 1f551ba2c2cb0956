import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeReturnPath } from '../../../../shared/safe-return-path';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { TextField } from '../../components/text-field';
import { readAppError } from '../../lib/app-error';
import { usePageTitle } from '../../lib/use-page-title';
import { trpc } from '../../trpc';
import { AuthBrand } from './auth-brand';

export function SignInPage() {
  const [params] = useSearchParams();
  usePageTitle('Sign in');
  const next = safeReturnPath(params.get('next'));
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = trpc.auth.signIn.useMutation({
    onSuccess: async (user) => {
      utils.auth.me.setData(undefined, user);
      await utils.invalidate();
      void navigate(next, { replace: true });
    },
  });
  const failure = readAppError(signIn.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ email, password });
  }

  return (
    <main className="page narrow">
      <AuthBrand />
      <h1>Sign in</h1>
      <form className="card form" onSubmit={submit} noValidate>
        {failure && failure.appCode !== 'VALIDATION_FAILED' ? <Alert>{failure.message}</Alert> : null}
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          errors={failure?.fieldErrors.email}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          errors={failure?.fieldErrors.password}
        />
        <div>
          <Button type="submit" busy={signIn.isPending} busyLabel="Signing in…">
            Sign in
          </Button>
        </div>
      </form>
      <p>
        New here?{' '}
        <Link to={`/sign-up${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}>Create an account</Link>
      </p>
    </main>
  );
}
