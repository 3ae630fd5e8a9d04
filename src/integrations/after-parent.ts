import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

declare module 'astro' {
  interface AstroClientDirectives {
    /**
     * Hydrate once the enclosing island has hydrated, in an idle period of its own: islands
     * nested in one parent then hydrate one short task each, not all in the parent's task.
     */
    'client:after-parent'?: boolean;
  }
}

/** Adds the `client:after-parent` directive. */
export function afterParentDirective(): AstroIntegration {
  return {
    name: 'interop-workbook:after-parent',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({ name: 'after-parent', entrypoint: fileURLToPath(new URL('./after-parent-directive.ts', import.meta.url)) });
      },
    },
  };
}
