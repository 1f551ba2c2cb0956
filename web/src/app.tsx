import { Route, Routes } from 'react-router';
import { RequireSignedIn } from './features/auth/require-signed-in';
import { SignInPage } from './features/auth/sign-in-page';
import { SignUpPage } from './features/auth/sign-up-page';
import { AppShell } from './features/shell/app-shell';
import { HomePage } from './features/shell/home-page';
import { NotFoundPage } from './features/shell/not-found-page';
import { ContactRoute } from './features/contacts/contact-route';
import { ContactsPage } from './features/contacts/contacts-page';
import { LiveXeroChanges } from './features/live/live-xero-changes';
import { MatchPage } from './features/match/match-page';
import { XeroSettingsPage } from './features/settings/xero-settings-page';
import { XeroPage } from './features/xero/xero-page';

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/sign-up" element={<SignUpPage />} />
      <Route
        element={
          <RequireSignedIn>
            <LiveXeroChanges />
            <AppShell />
          </RequireSignedIn>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="integrations/xero" element={<XeroPage />} />
        <Route path="contacts" element={<ContactsPage />} />
        <Route path="contacts/:id" element={<ContactRoute />} />
        <Route path="match" element={<MatchPage />} />
        <Route path="settings" element={<XeroSettingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
