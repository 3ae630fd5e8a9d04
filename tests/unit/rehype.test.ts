import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Element, Root } from 'hast';
import { rehypeBaseLinks } from '../../src/lib/rehype-base-links.ts';
import { rehypeScrollBoxes } from '../../src/lib/rehype-scroll-boxes.ts';
import { rehypeDropRawDirective } from '../../src/lib/rehype-drop-raw-directive.ts';
import { fromHtml } from 'hast-util-from-html';

const el = (tagName: string, properties: Element['properties'] = {}, children: Element['children'] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string) => ({ type: 'text' as const, value });

describe('rehypeBaseLinks', () => {
  it('prefixes site links and image sources with the base', () => {
    const tree: Root = {
      type: 'root',
      children: [
        el('a', { href: '/guide/fhir/' }),
        el('img', { src: '/figures/map.svg' }),
        el('a', { href: 'https://hl7.org/' }),
        el('a', { href: '#sources' }),
      ],
    };
    rehypeBaseLinks({ base: '/interop/' })(tree);
    const values = tree.children.map((node) => {
      const props = (node as Element).properties;
      return props['href'] ?? props['src'];
    });
    assert.deepEqual(values, ['/interop/guide/fhir/', '/interop/figures/map.svg', 'https://hl7.org/', '#sources']);
  });

  it('rewrites links in JSX elements that MDX keeps as written', () => {
    const jsx = {
      type: 'mdxJsxFlowElement',
      name: 'a',
      attributes: [
        { type: 'mdxJsxAttribute', name: 'href', value: '/guide/' },
        { type: 'mdxJsxAttribute', name: 'class', value: 'button' },
      ],
      children: [],
    };
    const tree = { type: 'root', children: [jsx] } as unknown as Root;
    rehypeBaseLinks({ base: '/interop/' })(tree);
    assert.deepEqual(
      jsx.attributes.map((attribute) => attribute.value),
      ['/interop/guide/', 'button'],
    );
  });

  it('changes nothing at the root base', () => {
    const tree: Root = { type: 'root', children: [el('a', { href: '/guide/' })] };
    rehypeBaseLinks({ base: '/' })(tree);
    assert.equal((tree.children[0] as Element).properties['href'], '/guide/');
  });
});

describe('rehypeScrollBoxes', () => {
  it('wraps each table in a focusable region named after the heading above it', () => {
    const table = el('table', {}, [el('tbody')]);
    const tree: Root = { type: 'root', children: [el('h2', {}, [text('Standards at a glance')]), table] };
    rehypeScrollBoxes()(tree);
    const wrapper = tree.children[1] as Element;
    assert.equal(wrapper.tagName, 'div');
    assert.deepEqual(wrapper.properties['className'], ['table-scroll']);
    assert.equal(wrapper.properties['role'], 'region');
    assert.equal(wrapper.properties['tabIndex'], 0);
    assert.equal(wrapper.properties['ariaLabel'], 'Table: Standards at a glance');
    assert.equal(wrapper.children[0], table);
  });

  it('prefers the caption for the name and wraps each table once', () => {
    const table = el('table', {}, [el('caption', {}, [text('ACK codes')])]);
    const tree: Root = { type: 'root', children: [el('h2', {}, [text('Heading')]), table] };
    rehypeScrollBoxes()(tree);
    const wrapper = tree.children[1] as Element;
    assert.equal(wrapper.properties['ariaLabel'], 'Table: ACK codes');
    assert.equal((wrapper.children[0] as Element).tagName, 'table');
  });

  it('makes code blocks focusable so the keyboard can scroll them', () => {
    const pre = el('pre', {}, [el('code', {}, [text('MSH|^~\\&|')])]);
    const tree: Root = { type: 'root', children: [pre] };
    rehypeScrollBoxes()(tree);
    assert.equal(pre.properties['tabIndex'], 0);
  });
});

describe('rehypeDropRawDirective', () => {
  it("drops the is:raw directive Astro's Prism step leaves on code blocks", () => {
    // Parsed the way Astro parses Prism's output.
    const tree = fromHtml('<pre class="language-hl7"><code is:raw class="language-hl7">MSH|^~\\&amp;</code></pre>', { fragment: true });
    const code = ((tree.children[0] as Element).children[0] as Element);
    assert.ok('is:raw' in code.properties, 'the fixture carries the directive');
    rehypeDropRawDirective()(tree);
    assert.deepEqual(Object.keys(code.properties), ['className']);
  });
});
