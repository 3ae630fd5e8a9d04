import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Astro's Prism step writes `<code is:raw>`, a directive for its own compiler that MDX
 * passes through to the page, where it is invalid HTML. It is dropped here.
 */
export function rehypeDropRawDirective() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'code') delete node.properties['is:raw'];
    });
  };
}
