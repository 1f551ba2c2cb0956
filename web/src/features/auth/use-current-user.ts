import { trpc } from '../../trpc';

/** The signed-in user, or null; the one query every page's access decision rests on. */
export function useCurrentUser() {
  return trpc.auth.me.useQuery(undefined, { staleTime: 60_000 });
}
