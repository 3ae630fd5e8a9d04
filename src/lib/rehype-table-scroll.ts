import type { Element, ElementContent, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';

function textOf(node: ElementContent | Root): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child as ElementContent)).join('');
  return '';
}

/**
 * Wide tables scroll inside their own box instead of making the page scroll sideways.
 * The box is a keyboard-focusable region named after the table's caption or, failing
 * that, the heading above it, so screen-reader and keyboard users can reach and scroll it.
 */
export function rehypeTableScroll() {
  return (tree: Root) => {
    let lastHeading = '';
    visit(tree, 'element', (node: Element, index, parent) => {
      if (/^h[2-6]$/.test(node.tagName)) {
        lastHeading = textOf(node).trim();
        return;
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
