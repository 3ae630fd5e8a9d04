import type { JSX } from 'preact';
import type { ExplainedNode, IssueKind } from '../../lib/fhir/explain';

/** Short words for the flag a node carries in the tree (the full message is in the details). */
export const FLAG: Record<IssueKind, string> = {
  'unknown-element': 'Unknown element',
  'missing-required': 'Missing required element',
  'expected-array': 'Should be an array',
  'expected-single': 'Should be one value',
  'wrong-json-type': 'Wrong JSON type',
  'not-allowed': 'Not allowed here',
  'null-value': 'null not allowed',
  empty: 'Empty',
  'missing-resource-type': 'No resourceType',
  'unknown-resource-type': 'Unknown resource type',
  'duplicate-key': 'Repeated key',
};

const SHORT_VALUE = 90;

export interface TreeModel {
  /** Node by pointer, its parent, and a DOM id for each. */
  nodes: Map<string, ExplainedNode>;
  parents: Map<string, string>;
  ids: Map<string, string>;
}

/** Indexes a tree once per explanation. */
export function treeModel(root: ExplainedNode): TreeModel {
  const nodes = new Map<string, ExplainedNode>();
  const parents = new Map<string, string>();
  const ids = new Map<string, string>();
  const visit = (node: ExplainedNode) => {
    nodes.set(node.pointer, node);
    ids.set(node.pointer, `fx-node-${ids.size}`);
    for (const child of node.children) {
      parents.set(child.pointer, node.pointer);
      visit(child);
    }
  };
  visit(root);
  return { nodes, parents, ids };
}

/** The nodes a reader can reach with the arrow keys, in order. */
function visibleNodes(root: ExplainedNode, collapsed: ReadonlySet<string>): ExplainedNode[] {
  const out: ExplainedNode[] = [];
  const visit = (node: ExplainedNode) => {
    out.push(node);
    if (!collapsed.has(node.pointer)) node.children.forEach(visit);
  };
  visit(root);
  return out;
}

/** The text after the name: cardinality, type and short description. */
function describe(node: ExplainedNode, isItem: boolean): { card?: string; type?: string; short?: string } {
  const definition = node.definition;
  if (node.resourceType && !definition) return { type: 'Resource', short: node.resourceShort ?? '' };
  if (!definition) return {};
  if (isItem) return node.resourceType ? { type: node.resourceType, short: node.resourceShort ?? '' } : { type: definition.type };
  return {
    card: `${definition.min}..${definition.max}`,
    type: node.resourceType ? `${definition.type}: ${node.resourceType}` : definition.type,
    short: definition.short,
  };
}

interface Props {
  root: ExplainedNode;
  model: TreeModel;
  selected: string;
  collapsed: ReadonlySet<string>;
  labelledBy: string;
  onSelect: (pointer: string, focus: boolean) => void;
  onToggle: (pointer: string, open: boolean) => void;
}

/** The explained resource as a WAI-ARIA tree: one tab stop, arrow keys to move, Enter to fold. */
export function ElementTree({ root, model, selected, collapsed, labelledBy, onSelect, onToggle }: Props) {
  function onKeyDown(event: KeyboardEvent) {
    const visible = visibleNodes(root, collapsed);
    const index = visible.findIndex((node) => node.pointer === selected);
    const node = visible[index];
    if (!node) return;
    const hasChildren = node.children.length > 0;
    const open = hasChildren && !collapsed.has(node.pointer);
    let target: string | undefined;
    switch (event.key) {
      case 'ArrowDown':
        target = visible[index + 1]?.pointer;
        break;
      case 'ArrowUp':
        target = visible[index - 1]?.pointer;
        break;
      case 'Home':
        target = visible[0]?.pointer;
        break;
      case 'End':
        target = visible[visible.length - 1]?.pointer;
        break;
      case 'ArrowRight':
        if (hasChildren && !open) onToggle(node.pointer, true);
        else if (open) target = node.children[0]?.pointer;
        break;
      case 'ArrowLeft':
        if (open) onToggle(node.pointer, false);
        else target = model.parents.get(node.pointer);
        break;
      case 'Enter':
      case ' ':
        if (hasChildren) onToggle(node.pointer, !open);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (target !== undefined) onSelect(target, true);
  }

  const renderNode = (node: ExplainedNode, level: number, isItem: boolean): JSX.Element => {
    const id = model.ids.get(node.pointer) ?? '';
    const hasChildren = node.children.length > 0;
    const open = hasChildren && !collapsed.has(node.pointer);
    const isSelected = node.pointer === selected;
    const { card, type, short } = describe(node, isItem);
    const flags = [...new Set(node.issues.map((issue) => FLAG[issue.kind]))];
    const value = node.value !== undefined && node.value.length > SHORT_VALUE ? `${node.value.slice(0, SHORT_VALUE)}…` : node.value;
    return (
      <li
        key={node.pointer}
        id={id}
        role="treeitem"
        aria-level={level}
        aria-expanded={hasChildren ? open : undefined}
        aria-selected={isSelected}
        aria-labelledby={`${id}-label`}
        aria-describedby={card || type || short ? `${id}-desc` : undefined}
        tabIndex={isSelected ? 0 : -1}
        class="fx-item"
        onClick={(event) => {
          event.stopPropagation();
          onSelect(node.pointer, true);
        }}
      >
        <div class={`fx-row${isSelected ? ' is-selected' : ''}${flags.length ? ' has-issue' : ''}`}>
          {hasChildren ? (
            <span
              class="fx-twisty"
              aria-hidden="true"
              onClick={(event) => {
                event.stopPropagation();
                onToggle(node.pointer, !open);
              }}
            >
              {open ? '▾' : '▸'}
            </span>
          ) : (
            <span class="fx-twisty" aria-hidden="true" />
          )}
          <span class="fx-label" id={`${id}-label`}>
            <span class="fx-key">{node.label}</span>
            {value !== undefined && <span class="fx-value"> {value}</span>}
            {flags.map((flag) => (
              <span class="fx-flag" key={flag}>
                {' '}
                {flag}
              </span>
            ))}
          </span>
          {(card || type || short) && (
            <span class="fx-desc" id={`${id}-desc`}>
              {card && <span class="fx-card">{card}</span>}
              {type && <span class="fx-type">{type}</span>}
              {short && <span class="fx-short">{short}</span>}
            </span>
          )}
        </div>
        {open && (
          <ul role="group" class="fx-group">
            {node.children.map((child) => renderNode(child, level + 1, node.kind === 'array'))}
          </ul>
        )}
      </li>
    );
  };

  return (
    <ul role="tree" class="fx-tree" aria-labelledby={labelledBy} onKeyDown={onKeyDown}>
      {renderNode(root, 1, false)}
    </ul>
  );
}
