import type { RouterOutputs } from '../../trpc';

type Reason = RouterOutputs['xero']['guessUser']['candidates'][number]['reasons'][number];

/** Why a Xero user might be you, in words. */
export const reasonLabels: Record<Reason, string> = {
  connected_identity: 'This is the Xero login you connected with',
  identity_email: 'Same email as the Xero login you connected with',
  email: 'Same email as your account',
  xero_email: 'Same email as your “Xero email”',
  full_name: 'Same first and last name',
  swapped_name: 'Same names, first and last swapped',
  partial_name: 'Same last name, similar first name',
};
