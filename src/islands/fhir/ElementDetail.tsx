import { cardinalityText, type ExplainedNode } from '../../lib/fhir/explain';
import { typePageUrl } from '../../lib/fhir/spec-links';

interface Props {
  node: ExplainedNode;
  /** The parent's definition is shared by array items; say so. */
  isItem: boolean;
  resources: ReadonlySet<string>;
}

/** Everything known about the selected element. */
export function ElementDetail({ node, isItem, resources }: Props) {
  const definition = node.definition;
  const choice = definition && definition.path.endsWith('[x]');
  return (
    <>
      <h3 class="fx-detail-title">
        <code>{node.location}</code>
      </h3>
      {node.value !== undefined && (
        <p class="fx-detail-value">
          <span class="fx-detail-caption">Value:</span> <code>{node.value}</code>
        </p>
      )}
      {definition && (
        <dl class="fx-detail-list">
          <dt>Defined as</dt>
          <dd>
            <code>{definition.path}</code>
            {definition.definedOn && (
              <>
                {' '}
                (inherited from <code>{definition.definedOn}</code>)
              </>
            )}
            {definition.sameAs && (
              <>
                {' '}
                (same content as <code>{definition.sameAs}</code>)
              </>
            )}
          </dd>
          <dt>Short description</dt>
          <dd>{definition.short}</dd>
          <dt>Cardinality</dt>
          <dd>
            <code>
              {definition.min}..{definition.max}
            </code>
            : {cardinalityText(definition.min, definition.max)}
            {isItem && '. This is one of its values.'}
          </dd>
          <dt>{definition.types.length > 1 ? 'Types' : 'Type'}</dt>
          <dd>
            {definition.types.length === 0 ? <code>{definition.type}</code> : definition.types.map((type, index) => (
              <span key={type}>
                {index > 0 && ', '}
                <code>{type}</code>
              </span>
            ))}
            {choice && (
              <>
                . A choice element: the JSON name <code>{node.location.replace(/^.*\./, '').replace(/\[\d+\]$/, '')}</code> says this value is a{' '}
                <code>{definition.type}</code>.
              </>
            )}
          </dd>
        </dl>
      )}
      {definition && (
        <p>
          <a href={definition.url}>
            <code>{definition.definedOn ?? definition.path}</code> in the FHIR R4 specification
          </a>
        </p>
      )}
      {node.resourceType && (
        <p>
          {node.resourceType} resource: {node.resourceShort}.{' '}
          <a href={typePageUrl(node.resourceType, resources)}>The {node.resourceType} page of the FHIR R4 specification</a>
        </p>
      )}
      {!definition && !node.resourceType && node.issues.length === 0 && (
        <p>This is inside an element that FHIR R4 does not define here, so it has no definition.</p>
      )}
      {node.issues.length > 0 && (
        <>
          <h4 class="fx-detail-subtitle">{node.issues.length === 1 ? 'Problem' : 'Problems'}</h4>
          <ul class="fx-detail-issues">
            {node.issues.map((issue) => (
              <li key={issue.kind + issue.message}>
                {issue.message}
                {issue.position && ` (line ${issue.position.line}, column ${issue.position.column})`}
              </li>
            ))}
          </ul>
          {node.issues.some((issue) => issue.kind === 'unknown-element') && (
            <p class="fx-detail-note">
              FHIR adds data it does not define through <code>extension</code> elements, each identified by a URL, not through new names.
            </p>
          )}
        </>
      )}
    </>
  );
}
