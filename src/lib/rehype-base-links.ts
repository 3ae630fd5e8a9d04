import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withBase } from './paths.ts';

export interface BaseLinkOptions {
  /** The deployment base, e.g. "/" or "/interop-workbook/". */
  base: string;
}

/**
 * Authors write site links as "/guide/fhir/"; under a sub-path deployment they must
 * become "/interop-workbook/guide/fhir/". This rewrites href and src in Markdown and MDX.
 */
export function rehypeBaseLinks({ base }: BaseLinkOptions) {
  return (tree: Root) => {
    if (base === '/') return;
    visit(tree, 'element', (node: Element) => {
      for (const attribute of ['href', 'src'] as const) {
        const value = node.properties[attribute];
        if (typeof value === 'string') node.properties[attribute] = withBase(base, value);
      }
    });
  };
}
