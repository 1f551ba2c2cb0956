export function EmulatorBanner() {
  return (
    <p className="alert alert-info emulator-banner" role="note">
      Using the built-in Xero emulator — configure a Xero app to connect to real Xero.
    </p>
  );
}
