import { matchPath } from 'react-router';

/** The title of each signed-in route, kept with the route list rather than in every page. */
const titles: [pattern: string, title: string][] = [
  ['/', 'Home'],
  ['/integrations/xero', 'Xero connection'],
  ['/contacts', 'Contacts'],
  ['/contacts/:id', 'Contact'],
  ['/match', 'Match my account'],
  ['/settings', 'Xero app settings'],
];

export function routeTitle(pathname: string): string {
  return titles.find(([pattern]) => matchPath(pattern, pathname))?.[1] ?? 'Page not found';
}
