/** The product's name above the sign-in and sign-up forms, so a first visitor knows where they are. */
export function AuthBrand() {
  return (
    <p className="auth-brand">
      <img src="/favicon.svg" alt="" width="32" height="32" />
      <span>
        Xero Connect
        <span className="auth-tagline">Your Xero organisation&rsquo;s contacts, here.</span>
      </span>
    </p>
  );
}
