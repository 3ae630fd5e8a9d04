import { hydrate, render, type VNode } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { whenIdle } from './when-idle';

/** While an element has this, Preact leaves its children alone, hydrating included. */
const KEEP_CHILDREN = { __html: '' };

/** The parts of one island that still wait to hydrate (see `usePartsLive`). */
export interface PendingParts {
  /** Counts one more part as pending; returns what settles it, which may be called more than once. */
  add: () => () => void;
}

interface HydrateWhenIdleProps {
  /** One element or component: the root of the part. */
  children: VNode;
  /** The island's pending parts, when the island waits for its parts before it takes input. */
  parts?: PendingParts;
}

/**
 * A part of an island that hydrates later, in an idle task of its own, as a Preact root inside a
 * `<div>`: a form of many fields then hydrates as several short tasks instead of one long one,
 * which is what keeps a page responsive while it starts. The island's own hydration skips the
 * part's server markup (Preact does not diff the children of an element that has
 * dangerouslySetInnerHTML), and later renders pass the new children straight on.
 *
 * Until the part hydrates, its controls have no handlers, so the island keeps them disabled (the
 * tools do, with a disabled fieldset) until `usePartsLive` says every part is live. A separate
 * root does not see the island's context: parts take what they need as props or from stores.
 */
export function HydrateWhenIdle({ children, parts }: HydrateWhenIdleProps) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef(children);
  const live = useRef(false);
  latest.current = children;

  // Runs before the mounting effect below, so on mount it leaves the part to that effect.
  useLayoutEffect(() => {
    if (live.current) render(children, host.current!);
  }, [children]);

  useLayoutEffect(() => {
    const element = host.current!;
    if (!element.firstChild) {
      // Mounted in the browser (a row just added, or a form rendered afresh): nothing to hydrate.
      render(latest.current, element);
      live.current = true;
      return () => render(null, element);
    }
    const settle = parts?.add() ?? (() => {});
    let cancelSettle = () => {};
    const serverChildren = latest.current;
    const cancelHydrate = whenIdle(() => {
      hydrate(serverChildren, element);
      // Hydration attaches handlers but does not patch what changed since the first render.
      if (latest.current !== serverChildren) render(latest.current, element);
      live.current = true;
      // In a task of its own: the island's render that follows (enabling its form) is not short either.
      cancelSettle = whenIdle(settle, 1000);
    }, 1000);
    return () => {
      cancelHydrate();
      cancelSettle();
      // A part removed before it was live no longer holds the island back.
      settle();
      if (live.current) render(null, element);
    };
  }, []);

  if (typeof document === 'undefined') return <div>{children}</div>;
  return <div ref={host} dangerouslySetInnerHTML={KEEP_CHILDREN} />;
}

/**
 * Whether every part of an island (each `HydrateWhenIdle` given `parts`) that hydrates server markup
 * is live yet, and the `parts` to give them. Not before the island has mounted: its parts count
 * themselves as they mount, before it. A part mounted in the browser has nothing to hydrate and is
 * live at once; one removed while pending stops counting. The island renders again once, when the
 * last pending part is live.
 */
export function usePartsLive(): [allLive: boolean, parts: PendingParts] {
  const [allLive, setAllLive] = useState(false);
  const tally = useMemo(() => {
    let pending = 0;
    let mounted = false;
    const update = () => setAllLive(mounted && pending === 0);
    return {
      add: () => {
        pending += 1;
        update();
        let settled = false;
        return () => {
          if (settled) return;
          settled = true;
          pending -= 1;
          update();
        };
      },
      mount: () => {
        mounted = true;
        update();
      },
    };
  }, []);
  useEffect(() => tally.mount(), [tally]);
  return [allLive, tally];
}
