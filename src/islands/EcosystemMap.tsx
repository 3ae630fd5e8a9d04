import { useEffect, useState } from 'preact/hooks';
import {
  filterStatus,
  FLOWS,
  flowsForStandard,
  isHighlighted,
  LABEL_LINE_GAP,
  layoutFlows,
  NODE_HEIGHT,
  NODE_WIDTH,
  NODES,
  nodesTouchedBy,
  STANDARDS,
  VIEWBOX,
  type StandardFilter,
} from '../lib/ecosystem';
// Linked, not imported: Astro inlines small imported stylesheets as <style> elements, and the
// strict style policy has no hash for one that reaches the page through an MDX island.
import '../styles/ecosystem-map.css';

const FILTERS: readonly StandardFilter[] = ['all', ...STANDARDS];
const GEOMETRY = new Map(layoutFlows().map((line) => [line.id, line]));
const NAMES = new Map(NODES.map((node) => [node.id, node.name]));

/**
 * The ecosystem map: hospital systems and the flows between them as an inline SVG,
 * with toggle buttons that highlight one standard's flows. Rendered on the server, so
 * without JavaScript the figure is complete; the buttons stay hidden (html:not(.js))
 * or disabled until the island hydrates.
 */
export function EcosystemMap({ idPrefix = 'eco-map' }: { idPrefix?: string }) {
  const [filter, setFilter] = useState<StandardFilter>('all');
  const [ready, setReady] = useState(false);

  useEffect(() => setReady(true), []);

  const id = (suffix: string) => `${idPrefix}-${suffix}`;
  const highlighted = filter === 'all' ? undefined : nodesTouchedBy(flowsForStandard(filter));

  function flowState(standardMatches: boolean): 'is-active' | 'is-dim' | 'is-plain' {
    if (filter === 'all') return 'is-plain';
    return standardMatches ? 'is-active' : 'is-dim';
  }

  return (
    <>
      <figure class="eco-map">
        <div class="eco-controls" role="group" aria-labelledby={id('controls-label')}>
          <span id={id('controls-label')} class="eco-controls-label">
            Highlight a standard
          </span>
          <div class="eco-toggles">
            {FILTERS.map((value) => (
              <button
                key={value}
                type="button"
                class="eco-toggle"
                aria-pressed={filter === value}
                disabled={!ready}
                data-standard={value}
                onClick={() => setFilter(value)}
              >
                {filter === value && (
                  <span class="eco-check" aria-hidden="true">
                    ✓
                  </span>
                )}
                {value === 'all' ? 'All' : value}{' '}
                <span class="eco-toggle-count">
                  ({flowsForStandard(value).length}
                  <span class="visually-hidden"> flows</span>)
                </span>
              </button>
            ))}
          </div>
        </div>
        <p class="eco-status" role="status" aria-live="polite">
          {filterStatus(filter)}
        </p>
        <p class="eco-scroll-hint" aria-hidden="true">
          Scroll sideways to see the whole map.
        </p>
        <div class="eco-scroll" tabIndex={0} role="region" aria-label="Ecosystem map (scrolls sideways on narrow screens)">
          <svg
            class="eco-svg"
            viewBox={`0 0 ${VIEWBOX.width} ${VIEWBOX.height}`}
            role="img"
            aria-labelledby={id('title')}
            aria-describedby={id('desc')}
            data-filter={filter}
          >
            <title id={id('title')}>Ecosystem map of hospital systems and the flows between them</title>
            <desc id={id('desc')}>
              {`${NODES.length} systems: ${NODES.map((node) => node.longName).join('; ')}. `}
              {`${FLOWS.length} arrows, each pointing from the system that starts the exchange: `}
              {FLOWS.map((flow) => `${NAMES.get(flow.from)} to ${NAMES.get(flow.to)}: ${flow.label} (${flow.standard})`).join(
                '; ',
              )}
              {'. The table on this page lists the same flows.'}
            </desc>
            <defs>
              {(['plain', 'active', 'dim'] as const).map((kind) => (
                <marker
                  key={kind}
                  id={id(`arrow-${kind}`)}
                  class={`eco-marker eco-marker-${kind}`}
                  viewBox="0 0 10 10"
                  refX="9"
                  refY="5"
                  markerWidth={kind === 'active' ? 11 : 9}
                  markerHeight={kind === 'active' ? 11 : 9}
                  markerUnits="userSpaceOnUse"
                  orient="auto"
                >
                  <path d="M0,0 L10,5 L0,10 z" />
                </marker>
              ))}
            </defs>

            <g class="eco-nodes">
              {NODES.map((node) => (
                <g
                  key={node.id}
                  class={[
                    'eco-node',
                    node.isProduct ? 'is-product' : '',
                    highlighted ? (highlighted.has(node.id) ? 'is-involved' : 'is-idle') : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  data-node={node.id}
                >
                  <rect x={node.x - NODE_WIDTH / 2} y={node.y - NODE_HEIGHT / 2} width={NODE_WIDTH} height={NODE_HEIGHT} rx="8" />
                  <text class="eco-node-name" x={node.x} y={node.y - 7} text-anchor="middle">
                    {node.name}
                  </text>
                  <text class="eco-node-detail" x={node.x} y={node.y + 14} text-anchor="middle">
                    {node.detail}
                  </text>
                </g>
              ))}
            </g>

            <g class="eco-flows">
              {FLOWS.map((flow) => {
                const line = GEOMETRY.get(flow.id);
                if (!line) return null;
                const state = flowState(isHighlighted(flow, filter));
                const marker = state === 'is-active' ? 'active' : state === 'is-dim' ? 'dim' : 'plain';
                return (
                  <g key={flow.id} class={`eco-flow ${state}`} data-flow={flow.id} data-standard={flow.standard}>
                    <line
                      class="eco-line"
                      x1={line.x1}
                      y1={line.y1}
                      x2={line.x2}
                      y2={line.y2}
                      marker-end={`url(#${id(`arrow-${marker}`)})`}
                    />
                  </g>
                );
              })}
            </g>

            {/* Labels last, so every label sits above every line. */}
            <g class="eco-labels" aria-hidden="true">
              {FLOWS.map((flow) => {
                const line = GEOMETRY.get(flow.id);
                if (!line) return null;
                const state = flowState(isHighlighted(flow, filter));
                return (
                  <g key={flow.id} class={`eco-label ${state}`} data-label={flow.id}>
                    <rect
                      class="eco-plate"
                      x={line.labelX - line.labelWidth / 2}
                      y={line.labelY - line.labelHeight / 2}
                      width={line.labelWidth}
                      height={line.labelHeight}
                      rx="4"
                    />
                    <text text-anchor="middle" dominant-baseline="central">
                      {line.labelLines.map((text, index) => (
                        <tspan
                          key={text}
                          x={line.labelX}
                          y={line.labelY + (index - (line.labelLines.length - 1) / 2) * LABEL_LINE_GAP}
                        >
                          {text}
                        </tspan>
                      ))}
                    </text>
                  </g>
                );
              })}
            </g>
          </svg>
        </div>
        <figcaption class="eco-caption">
          {NODES.length} systems and the {FLOWS.length} flows between them. Arrows point from the system that starts each
          exchange; for a query, the answer travels back against the arrow. The product box stands for the three placements
          described below.
        </figcaption>
      </figure>
    </>
  );
}

export default EcosystemMap;
