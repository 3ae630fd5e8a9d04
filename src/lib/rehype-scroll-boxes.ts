import type { Element, ElementContent, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';

function textOf(node: ElementContent | Root): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child as ElementContent)).join('');
  return '';
}

/**
 * Wide tables and long code lines scroll inside their own box instead of making the page
 * scroll sideways, and keyboard users must be able to reach that box to scroll it.
 * A table's box is a region named after its caption or, failing that, the heading above it.
 */
export function rehypeScrollBoxes() {
  return (tree: Root) => {
    let lastHeading = '';
    visit(tree, 'element', (node: Element, index, parent) => {
      if (/^h[2-6]$/.test(node.tagName)) {
        lastHeading = textOf(node).trim();
        return;
      }
      if (node.tagName === 'pre') {
        node.properties['tabIndex'] = 0;
        return SKIP;
      }
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      const caption = node.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'caption',
      );
      const name = caption ? textOf(caption).trim() : lastHeading;
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['table-scroll'],
          role: 'region',
          tabIndex: 0,
          ariaLabel: name ? `Table: ${name}` : 'Table',
        },
        children: [node],
      };
      parent.children[index] = wrapper;
      return SKIP;
    });
  };
}
