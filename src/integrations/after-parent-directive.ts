import type { ClientDirective } from 'astro';
import { whenIdle } from '../islands/shared/when-idle';

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
  const hydrateWhenIdle = () => whenIdle(() => void hydrate(), 1000);
  const parent = island.parentElement?.closest('astro-island[ssr]');
  if (parent) parent.addEventListener('astro:hydrate', hydrateWhenIdle, { once: true });
  else hydrateWhenIdle();
};

export default afterParent;
