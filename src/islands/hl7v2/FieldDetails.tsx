import type { ComponentChildren } from 'preact';
import { componentsOf, describeRepeat, fieldInfo, isZSegment, type Hl7Dictionary } from '../../lib/hl7v2/dictionary';
import type { Unescaped, ValuePart } from '../../lib/hl7v2/escape';
import { isExplicitNull, isSeparatorField, splitField, type RepetitionValue } from '../../lib/hl7v2/structure';
import type { Segment, Separators } from '../../lib/hl7v2/types';
import { formatNumber } from '../../lib/number-format';

interface Props {
  id: string;
  segment: Segment;
  /** 1-based field position. */
  position: number;
  separators: Separators;
  dictionary: Hl7Dictionary | undefined;
}

const SEPARATOR_NAMES: Record<string, string> = {
  F: 'field separator',
  S: 'component separator',
  T: 'subcomponent separator',
  R: 'repetition separator',
  E: 'escape character',
  P: 'truncation character',
};

/** Longest text shown for one value: a Base64 document in OBX-5 can be megabytes, and laying it out would stall the page. */
export const SHOWN_CHARACTERS = 4000;

/** Text cut to SHOWN_CHARACTERS, saying how much was left out. */
export function Clipped({ text, limit = SHOWN_CHARACTERS }: { text: string; limit?: number }) {
  if (text.length <= limit) return <>{text}</>;
  return (
    <>
      {text.slice(0, limit)}
      <span class="hl7-empty"> … and {formatNumber(text.length - limit)} more characters</span>
    </>
  );
}

/** A value as text, with line breaks, decoded hex and formatting commands made visible. */
export function ValueText({ value }: { value: Unescaped }) {
  if (value.parts.length === 0) return <span class="hl7-empty">empty</span>;
  if (value.text.length > SHOWN_CHARACTERS) return <Clipped text={value.text} />;
  return (
    <>
      {value.parts.map((part, index) => (
        <PartView key={index} part={part} />
      ))}
    </>
  );
}

function PartView({ part }: { part: ValuePart }) {
  switch (part.kind) {
    case 'text':
    case 'separator':
      return <>{part.text}</>;
    case 'hex':
      return <>{part.text.replace(/[\x00-\x1F\x7F]/g, (c) => `⟨0x${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}⟩`)}</>;
    case 'break':
      return <br />;
    case 'format':
    case 'other':
      return <span class="hl7-escape-marker">[{part.label}]</span>;
  }
}

/** One sentence per kind of escape sequence the value uses. */
function escapeNotes(values: Unescaped[], separators: Separators): string[] {
  const notes = new Set<string>();
  const e = separators.escape;
  for (const value of values) {
    for (const part of value.parts) {
      if (part.kind === 'separator') notes.add(`${e}${part.code}${e} stands for the ${SEPARATOR_NAMES[part.code] ?? 'separator'} "${part.text}", written escaped so it is read as text.`);
      if (part.kind === 'hex') notes.add(`${e}X${part.hex}${e} is hexadecimal data: the bytes ${part.hex.match(/../g)?.join(' ')}.`);
      if (part.kind === 'break') notes.add(`${e}.br${e} is a line break (formatted text).`);
      if (part.kind === 'format') notes.add(`${e}${part.code}${e} is a formatting command: ${part.label}.`);
      if (part.kind === 'other') notes.add(`${e}${part.code}${e} is a ${part.label}.`);
    }
    for (const problem of value.problems) notes.add(problem);
  }
  return [...notes];
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function FieldDetails({ id, segment, position, separators, dictionary }: Props) {
  const raw = segment.fields[position - 1] ?? '';
  const info = fieldInfo(dictionary, segment.id, position);
  const where = `${segment.id}-${position}`;
  const repetitions = splitField(segment.id, position, raw, separators);
  const present = raw === '' ? [] : repetitions;
  const allValues = present.flatMap((repetition) => repetition.components.flatMap((component) => component.subcomponents.map((sub) => sub.value)));
  const notes = isSeparatorField(segment.id, position) ? [] : escapeNotes(allValues, separators);
  const version = dictionary ? `v${dictionary.version}` : 'the dictionary';
  const typeText = info.type ? `${info.type}${info.typeName ? ` (${info.typeName})` : ''}` : 'not defined';

  return (
    <div class="hl7-details" id={id}>
      <dl class="hl7-facts">
        <Row label="Position">{where}</Row>
        <Row label="Name">{info.name}</Row>
        <Row label="Data type">{typeText}</Row>
        {info.required !== undefined && <Row label={`Required in ${version}`}>{info.required ? 'yes' : 'no (optional, conditional or kept for backward compatibility)'}</Row>}
        {info.repeat !== undefined && <Row label="Repeats">{describeRepeat(info.repeat)}</Row>}
        {info.table > 0 && <Row label="Code table">HL7 table {String(info.table).padStart(4, '0')}</Row>}
        <Row label="Raw value">{raw === '' ? <span class="hl7-empty">empty</span> : <code class="hl7-raw"><Clipped text={raw} /></code>}</Row>
        {present.length > 1 && <Row label="Repetitions">{present.length}, separated by "{separators.repetition}"</Row>}
      </dl>
      <FieldNote segment={segment} position={position} raw={raw} info={info} separators={separators} version={version} />
      {notes.length > 0 && (
        <ul class="hl7-notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {present.map((repetition, index) => (
        <RepetitionView
          key={index}
          where={present.length > 1 ? `${where}[${index + 1}]` : where}
          heading={present.length > 1 ? `Repetition ${index + 1} of ${present.length}` : ''}
          repetition={repetition}
          type={info.type}
          dictionary={dictionary}
          separator={isSeparatorField(segment.id, position)}
        />
      ))}
    </div>
  );
}

function FieldNote({ segment, position, raw, info, separators, version }: { segment: Segment; position: number; raw: string; info: ReturnType<typeof fieldInfo>; separators: Separators; version: string }) {
  if (segment.id === 'MSH' && position === 1) {
    return <p>MSH-1 is the field separator itself: the character right after "MSH". That is why MSH counts one field ahead of other segments, and MSH-3 is the first field after the encoding characters.</p>;
  }
  if (segment.id === 'MSH' && position === 2) {
    return (
      <p>
        MSH-2 declares the other separators, in order: component "{separators.component}", repetition "{separators.repetition}", escape "{separators.escape}", subcomponent "{separators.subcomponent}"
        {separators.truncation ? `, truncation "${separators.truncation}"` : ''}. The rest of the message is read with these, so it is shown as written and not split.
      </p>
    );
  }
  if (isZSegment(segment.id)) {
    return <p>{segment.id} is a Z-segment: site-defined. HL7 reserves segment IDs beginning with Z for local use, so its fields have no standard names or types; only the specification agreed between sender and receiver says what {segment.id}-{position} means.</p>;
  }
  if (info.source === 'beyond-definition') {
    return <p>{segment.id} has fewer fields in {version} than this message sends. The extra field may come from a later version or a local extension; ask the sender what it means.</p>;
  }
  if (info.source === 'unknown-segment') {
    return <p>{segment.validId ? `${segment.id} is not a segment of ${version}, so its fields cannot be named.` : 'This line does not begin with a segment ID, so its fields cannot be named.'}</p>;
  }
  if (isExplicitNull(raw)) {
    return <p>Two double quotes are HL7's explicit null: the sender says the value is now empty and the receiver should delete what it holds. An empty field, by contrast, means "not sent", and the stored value stays.</p>;
  }
  return null;
}

function RepetitionView({ where, heading, repetition, type, dictionary, separator }: { where: string; heading: string; repetition: RepetitionValue; type: string; dictionary: Hl7Dictionary | undefined; separator: boolean }) {
  const definitions = componentsOf(dictionary, type);
  const composite = !separator && (definitions.length > 0 || repetition.components.length > 1);
  const first = repetition.components[0]!.subcomponents[0]!;
  if (!composite) {
    return (
      <div class="hl7-repetition">
        {heading && <h4>{heading}</h4>}
        {!separator && first.value.escaped && (
          <p class="hl7-unescaped">
            <span class="hl7-label">Unescaped: </span>
            <ValueText value={first.value} />
          </p>
        )}
        {heading && !first.value.escaped && (
          <p>
            <code class="hl7-raw">
              <Clipped text={repetition.raw} />
            </code>
          </p>
        )}
      </div>
    );
  }
  const rows: { position: string; name: string; type: string; raw: string; value: Unescaped; depth: number }[] = [];
  repetition.components.forEach((component, index) => {
    const [name = 'Not in the definition of this data type', componentType = ''] = definitions[index] ?? [];
    const subDefinitions = componentsOf(dictionary, componentType);
    const first = component.subcomponents[0]!;
    rows.push({ position: `${where}.${index + 1}`, name, type: componentType, raw: component.raw, value: first.value, depth: 0 });
    if (component.subcomponents.length > 1) {
      rows[rows.length - 1]!.value = { text: '', parts: [], problems: [], escaped: false };
      component.subcomponents.forEach((sub, subIndex) => {
        const [subName = 'Not in the definition of this data type', subType = ''] = subDefinitions[subIndex] ?? [];
        rows.push({ position: `${where}.${index + 1}.${subIndex + 1}`, name: subName, type: subType, raw: sub.raw, value: sub.value, depth: 1 });
      });
    }
  });
  return (
    <div class="hl7-repetition">
      {heading && <h4>{heading}</h4>}
      <div class="hl7-table-scroll" tabIndex={0} role="region" aria-label={`Components of ${where}`}>
        <table class="hl7-components">
          <caption class="visually-hidden">Components of {where}</caption>
          <thead>
            <tr>
              <th scope="col">Position</th>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.position} class={row.depth ? 'hl7-sub-row' : undefined}>
                <td class="hl7-mono">{row.position}</td>
                <td>{row.name}</td>
                <td class="hl7-mono">{row.type}</td>
                <td class="hl7-mono hl7-value-cell">
                  {row.raw === '' ? <span class="hl7-empty">empty</span> : row.value.parts.length === 0 && row.depth === 0 ? <span class="hl7-empty">see subcomponents</span> : <ValueText value={row.value} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
