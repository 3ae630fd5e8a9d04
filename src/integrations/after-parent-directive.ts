import type { ClientDirective } from 'astro';

/**
 * Astro hydrates an island nested in another only when the parent hydrates, and then all of
 * them in the parent's task. Waiting for the parent here, then for an idle period, gives each
 * nested island a task of its own.
 */
const afterParent: ClientDirective = (load, _options, island) => {
  const hydrate = async () => {
    const hydrateIsland = await load();
    await hydrateIsland();
  };
  const whenIdle = () => {
    // Safari has no requestIdleCallback.
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => void hydrate(), { timeout: 1000 });
    else window.setTimeout(() => void hydrate(), 0);
  };
  const parent = island.parentElement?.closest('astro-island[ssr]');
  if (parent) parent.addEventListener('astro:hydrate', whenIdle, { once: true });
  else whenIdle();
};

export default afterParent;
