import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { SignUpInput } from '../../../../shared/auth-inputs';
import { passwordRules } from '../../../../shared/password-rules';
import { safeReturnPath } from '../../../../shared/safe-return-path';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { TextField } from '../../components/text-field';
import { readAppError } from '../../lib/app-error';
import { usePageTitle } from '../../lib/use-page-title';
import { trpc } from '../../trpc';
import { AuthBrand } from './auth-brand';

const emptyForm: SignUpInput = { firstName: '', lastName: '', email: '', password: '' };

export function SignUpPage() {
  const [params] = useSearchParams();
  usePageTitle('Create your account');
  const next = safeReturnPath(params.get('next'));
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const [form, setForm] = useState(emptyForm);
  const signUp = trpc.auth.signUp.useMutation({
    onSuccess: async (user) => {
      utils.auth.me.setData(undefined, user);
      await utils.invalidate();
      void navigate(next, { replace: true });
    },
  });
  const failure = readAppError(signUp.error);
  const fieldErrors = failure?.fieldErrors ?? {};
  const update = (field: keyof SignUpInput) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    signUp.mutate(form);
  }

  return (
    <main className="page narrow">
      <AuthBrand />
      <h1>Create your account</h1>
      <form className="card form" onSubmit={submit} noValidate>
        {failure && !failure.fieldErrors.email && failure.appCode !== 'VALIDATION_FAILED' ? (
          <Alert>{failure.message}</Alert>
        ) : null}
        <div className="field-row">
          <TextField
            label="First name"
            name="firstName"
            autoComplete="given-name"
            required
            value={form.firstName}
            onChange={update('firstName')}
            errors={fieldErrors.firstName}
          />
          <TextField
            label="Last name"
            name="lastName"
            autoComplete="family-name"
            required
            value={form.lastName}
            onChange={update('lastName')}
            errors={fieldErrors.lastName}
          />
        </div>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={form.email}
          onChange={update('email')}
          errors={fieldErrors.email}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          hint={`At least ${passwordRules.min} characters.`}
          value={form.password}
          onChange={update('password')}
          errors={fieldErrors.password}
        />
        <div>
          <Button type="submit" busy={signUp.isPending} busyLabel="Creating your account…">
            Create account
          </Button>
        </div>
      </form>
      <p>
        Already have an account?{' '}
        <Link to={`/sign-in${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}>Sign in</Link>
      </p>
    </main>
  );
}
