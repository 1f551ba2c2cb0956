import { useEffect } from 'react';

export const appName = 'Xero Connect';

/** Each route names itself in the tab and the history list: "Contacts · Xero Connect". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title]);
}
