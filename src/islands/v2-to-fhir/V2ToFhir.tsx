import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { printResource, valueAt } from '../../lib/v2-to-fhir/fhir-json';
import { locate, segmentsOf, separatorsOf, tokenizeSegment } from '../../lib/v2-to-fhir/locate';
import { pairingStatus, type MappingExample, type MappingRow } from '../../lib/v2-to-fhir/mapping';

interface Props {
  /** The ORU^R01 message, read from the guide page at build time. */
  message: string;
  example: MappingExample;
}

/**
 * The v2 message and the FHIR resources side by side. The markup is complete when rendered on
 * the server; once hydrated, every mapped v2 value and FHIR element is a toggle button, and
 * selecting either side presses both members of the pair and says so in a live region.
 */
export default function V2ToFhir({ message, example }: Props) {
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const [ready, setReady] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const lastSide = useRef<'v2' | 'fhir'>('v2');

  useEffect(() => setReady(true), []);

  const { lines, resources, byV2, byFhir } = useMemo(() => {
    const separators = separatorsOf(message);
    const positions = new Set(example.mappings.map((row) => row.v2));
    return {
      lines: segmentsOf(message).map((segment) => tokenizeSegment(segment, separators, positions)),
      resources: example.resources.map((resource) => ({ resource, lines: printResource(resource) })),
      byV2: new Map(example.mappings.map((row, index) => [row.v2, index])),
      byFhir: new Map(example.mappings.map((row, index) => [row.fhir, index])),
    };
  }, [message, example]);

  const row: MappingRow | undefined = selected === undefined ? undefined : example.mappings[selected];

  // Bring the partner of what was just chosen into view inside its scroll box.
  useEffect(() => {
    if (!row || !root.current) return;
    const partner = lastSide.current === 'v2' ? `[data-fhir="${row.fhir}"]` : `[data-v2="${row.v2}"]`;
    root.current.querySelector(partner)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [row]);

  function choose(index: number | undefined, side: 'v2' | 'fhir') {
    lastSide.current = side;
    setSelected((current) => (current === index ? undefined : index));
  }

  const status = row ? pairingStatus(row, locate(message, row.v2), valueAt(example.resources, row.fhir)) : pairingStatus(undefined, '', undefined);

  return (
    <div
      class="v2f"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && selected !== undefined) setSelected(undefined);
      }}
    >
      <div class="v2f-toolbar">
        <p class="v2f-status" role="status" aria-live="polite">
          {status}
        </p>
        <button type="button" class="v2f-clear" disabled={!ready || selected === undefined} onClick={() => setSelected(undefined)}>
          Clear selection
        </button>
        {row && (
          <p class="v2f-note">
            <strong>Note:</strong> {row.note} Map: <a href={example.maps[row.map]?.url}>{example.maps[row.map]?.title}</a>.
          </p>
        )}
      </div>
      <div class="v2f-columns">
        <section class="v2f-panel" aria-labelledby="v2f-v2-heading">
          <h2 id="v2f-v2-heading">HL7 v2 message ({example.messageType})</h2>
          <pre class="v2f-code v2f-hl7" tabIndex={0} role="region" aria-label="HL7 v2 message">
            <code>
              {lines.map((tokens, lineIndex) => (
                <span class="v2f-line" key={lineIndex}>
                  {tokens.map((token, tokenIndex) => {
                    const index = token.position === undefined ? undefined : byV2.get(token.position);
                    const mapped = index === undefined ? undefined : example.mappings[index];
                    if (!mapped) {
                      return token.position === undefined ? (
                        <span class="v2f-sep" key={tokenIndex}>
                          {token.text}
                        </span>
                      ) : (
                        token.text
                      );
                    }
                    const pressed = selected === index;
                    return (
                      <button
                        type="button"
                        key={tokenIndex}
                        class={pressed ? 'v2f-token is-paired' : 'v2f-token'}
                        data-v2={mapped.v2}
                        aria-pressed={pressed}
                        aria-label={`${mapped.v2} ${mapped.name}: ${token.text}`}
                        disabled={!ready}
                        onClick={() => choose(index, 'v2')}
                      >
                        {token.text}
                      </button>
                    );
                  })}
                  {'\n'}
                </span>
              ))}
            </code>
          </pre>
        </section>
        <section class="v2f-panel" aria-labelledby="v2f-fhir-heading">
          <h2 id="v2f-fhir-heading">FHIR R4 resources</h2>
          {resources.map(({ resource, lines: json }) => (
            <div class="v2f-resource" key={resource.resourceType}>
              <h3 id={`v2f-${resource.resourceType}`}>{resource.resourceType}</h3>
              <pre class="v2f-code v2f-json" tabIndex={0} role="region" aria-label={`FHIR ${resource.resourceType} resource as JSON (scrolls sideways)`}>
                <code>
                  {json.map((line, lineIndex) => (
                    <span class="v2f-line" key={lineIndex}>
                      {'  '.repeat(line.depth)}
                      {line.tokens.map((token, tokenIndex) => {
                        const index = token.path === undefined ? undefined : byFhir.get(token.path);
                        const mapped = index === undefined ? undefined : example.mappings[index];
                        const kindClass = `v2f-${token.kind}`;
                        if (!mapped) {
                          return (
                            <span class={kindClass} key={tokenIndex}>
                              {token.text}
                            </span>
                          );
                        }
                        const pressed = selected === index;
                        return (
                          <button
                            type="button"
                            key={tokenIndex}
                            class={`v2f-token ${kindClass}${pressed ? ' is-paired' : ''}`}
                            data-fhir={mapped.fhir}
                            aria-pressed={pressed}
                            aria-label={`${mapped.fhir}: ${token.text}`}
                            disabled={!ready}
                            onClick={() => choose(index, 'fhir')}
                          >
                            {token.text}
                          </button>
                        );
                      })}
                      {'\n'}
                    </span>
                  ))}
                </code>
              </pre>
            </div>
          ))}
        </section>
      </div>
    </div>
  );
}
