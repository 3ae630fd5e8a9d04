import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withBase } from './paths.ts';

export interface BaseLinkOptions {
  /** The deployment base, e.g. "/" or "/interop-workbook/". */
  base: string;
}

const LINK_ATTRIBUTES = new Set(['href', 'src']);

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

/** MDX keeps JSX written in a page as its own node types, which hast's types do not list. */
function isMdxJsxElement(node: { type: string }): boolean {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/**
 * Authors write site links as "/guide/fhir/"; under a sub-path deployment they must
 * become "/interop-workbook/guide/fhir/". This rewrites href and src in Markdown links,
 * HTML elements and the JSX elements MDX keeps as they were written.
 */
export function rehypeBaseLinks({ base }: BaseLinkOptions) {
  return (tree: Root) => {
    if (base === '/') return;
    visit(tree, (node) => {
      if (node.type === 'element') {
        for (const name of LINK_ATTRIBUTES) {
          const value = node.properties[name];
          if (typeof value === 'string') node.properties[name] = withBase(base, value);
        }
      } else if (isMdxJsxElement(node)) {
        for (const attribute of (node as unknown as { attributes: JsxAttribute[] }).attributes) {
          if (attribute.type === 'mdxJsxAttribute' && LINK_ATTRIBUTES.has(attribute.name ?? '') && typeof attribute.value === 'string') {
            attribute.value = withBase(base, attribute.value);
          }
        }
      }
    });
  };
}
