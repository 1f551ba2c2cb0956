import { toast } from 'sonner';

/**
 * Short confirmations after an action (connected, switched, linked, saved). They repeat what the page
 * already shows, so nothing is lost if one is missed; errors stay on the page, next to what failed.
 */
export const notify = {
  success: (message: string) => toast.success(message),
};
