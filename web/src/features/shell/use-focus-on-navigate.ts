import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After moving to another page (not on first load, and not when only the query changes, as while
 * typing a search), focus goes to the new page's heading, so a screen reader announces where the user
 * is and the keyboard starts from the top of the content. The heading may arrive with the data, so
 * wait for it a little; the main region is the fallback.
 */
export function useFocusOnNavigate(main: React.RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let frames = 0;
    let handle = 0;
    const tryFocus = () => {
      const heading = main.current?.querySelector<HTMLElement>('h1');
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
        return;
      }
      frames += 1;
      if (frames < 120) handle = requestAnimationFrame(tryFocus);
      else main.current?.focus();
    };
    handle = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(handle);
  }, [pathname, main]);
}
