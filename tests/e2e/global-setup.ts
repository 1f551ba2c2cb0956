import { buildSpa, spaNeedsBuild } from '../../server/spa-build';

/** The browser tests drive the built SPA, as `npm start` serves it. */
export default async function setup(): Promise<void> {
  if (spaNeedsBuild()) await buildSpa();
}
