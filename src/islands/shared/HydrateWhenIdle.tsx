import { hydrate, render, type VNode } from 'preact';
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { whenIdle } from './when-idle';

/** While an element has this, Preact leaves its children alone, hydrating included. */
const KEEP_CHILDREN = { __html: '' };

interface HydrateWhenIdleProps {
  /** One element or component: the root of the part. */
  children: VNode;
  /** Called once the part is live, in an idle task after it hydrates or mounts. */
  onLive?: () => void;
}

/**
 * A part of an island that hydrates later, in an idle task of its own, as a Preact root inside a
 * `<div>`: a form of many fields then hydrates as several short tasks instead of one long one,
 * which is what keeps a page responsive while it starts. The island's own hydration skips the
 * part's server markup (Preact does not diff the children of an element that has
 * dangerouslySetInnerHTML), and later renders pass the new children straight on.
 *
 * Until `onLive`, the part's controls have no handlers, so the island must keep them disabled
 * (the tools do, with a disabled fieldset, until they are ready). A separate root does not see
 * the island's context: parts take what they need as props or from stores.
 */
export function HydrateWhenIdle({ children, onLive }: HydrateWhenIdleProps) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef({ children, onLive });
  const live = useRef(false);
  latest.current = { children, onLive };

  // Runs before the mounting effect below, so on mount it leaves the part to that effect.
  useLayoutEffect(() => {
    if (live.current) render(children, host.current!);
  }, [children]);

  useLayoutEffect(() => {
    const element = host.current!;
    let cancelNotice = () => {};
    const goLive = () => {
      live.current = true;
      // In a task of its own: the island's render that follows (enabling its form) is not short either.
      cancelNotice = whenIdle(() => latest.current.onLive?.(), 1000);
    };
    const unmount = () => {
      cancelNotice();
      if (live.current) render(null, element);
    };
    if (!element.firstChild) {
      // Mounted in the browser (a row just added, or a form rendered afresh): nothing to hydrate.
      render(latest.current.children, element);
      goLive();
      return unmount;
    }
    const serverChildren = latest.current.children;
    const cancel = whenIdle(() => {
      hydrate(serverChildren, element);
      // Hydration attaches handlers but does not patch what changed since the first render.
      if (latest.current.children !== serverChildren) render(latest.current.children, element);
      goLive();
    }, 1000);
    return () => {
      cancel();
      unmount();
    };
  }, []);

  if (typeof document === 'undefined') return <div>{children}</div>;
  return <div ref={host} dangerouslySetInnerHTML={KEEP_CHILDREN} />;
}

/**
 * For an island with `count` parts that hydrate on their own: whether all are live yet, and the
 * `onLive` to give each. The island renders again once, when the last one is.
 */
export function usePartsLive(count: number): [allLive: boolean, onPartLive: () => void] {
  const [allLive, setAllLive] = useState(false);
  const liveParts = useRef(0);
  const onPartLive = useCallback(() => {
    liveParts.current += 1;
    if (liveParts.current === count) setAllLive(true);
  }, [count]);
  return [allLive, onPartLive];
}
