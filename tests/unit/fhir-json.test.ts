import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { childPointer, lineIndex, parseJson, pointerSegment } from '../../src/lib/fhir/json-location.ts';

/** The error of text that must not parse, as "line:column message". */
function errorOf(text: string): string {
  const result = parseJson(text);
  assert.equal(result.ok, false, `expected a syntax error in ${JSON.stringify(text)}`);
  if (result.ok) return '';
  return `${result.error.position.line}:${result.error.position.column} ${result.error.message}`;
}

describe('parseJson: syntax errors with line and column', () => {
  it('reports empty input and input of only whitespace', () => {
    assert.equal(errorOf(''), '1:1 There is no JSON here: the text is empty.');
    assert.equal(errorOf('  \n\t'), '2:2 There is no JSON here: the text is empty.');
  });

  it('points a trailing comma at the comma itself, in objects and arrays', () => {
    assert.equal(errorOf('{\n  "resourceType": "Patient",\n}'), '2:28 Trailing comma: remove the comma before "}".');
    assert.equal(errorOf('{"given": ["Alex",\n ]}'), '1:18 Trailing comma: remove the comma before "]".');
  });

  it('reports a string without its closing quote at the opening quote', () => {
    assert.equal(errorOf('{\n  "gender": "female,\n  "active": true\n}'), '2:13 This string has no closing double quote before the end of the line.');
    assert.equal(errorOf('{"gender": "female'), '1:12 This string has no closing double quote.');
  });

  it('reports a property name without quotes or with a missing opening quote', () => {
    assert.equal(errorOf('{\n  resourceType: "Patient"\n}'), '2:3 Property names must be in double quotes.');
    assert.equal(errorOf("{'resourceType': 'Patient'}"), '1:2 Property names need double quotes ("), not single quotes.');
    assert.equal(errorOf('{"a": \'b\'}'), '1:7 Strings and property names need double quotes ("), not single quotes.');
  });

  it('reports truncated input, naming where the unclosed object or array opened', () => {
    assert.equal(errorOf('{\n  "resourceType": "Patient",\n  "name": [\n    {"family": "Rivera"}'), '4:25 The text ends before the array opened at line 3, column 11 is closed with "]".');
    assert.equal(errorOf('{"resourceType": "Patient"'), '1:27 The text ends before the object opened at line 1, column 1 is closed with "}".');
    assert.equal(errorOf('{"resourceType": '), '1:18 The text ends where a value was expected.');
    assert.equal(errorOf('{"resourceType"'), '1:16 The text ends before the object opened at line 1, column 1 is closed with "}".');
    assert.equal(errorOf('["a",'), '1:6 The text ends before the array opened at line 1, column 1 is closed with "]".');
    assert.equal(errorOf('{"a": 1,'), '1:9 The text ends before the object opened at line 1, column 1 is closed with "}".');
  });

  it('suspects a missing comma between members and between items', () => {
    assert.equal(errorOf('{\n  "a": 1\n  "b": 2\n}'), '3:3 Expected "," or "}" after the value of "a": is a comma missing?');
    assert.equal(errorOf('[1 2]'), '1:4 Expected "," or "]" after an array item, found "2": is a comma missing?');
    assert.equal(errorOf('[1 ;]'), '1:4 Expected "," or "]" after an array item, found ";".');
    assert.equal(errorOf('{"a": 1 ;}'), '1:9 Expected "," or "}" after the value of "a", found ";".');
  });

  it('reports a missing colon, words that are not values, comments and stray characters', () => {
    assert.equal(errorOf('{"a" 1}'), '1:6 Expected ":" after the property name "a", found "1".');
    assert.equal(errorOf('{"active": True}'), '1:12 "True" is not a JSON value: write true in lower case.');
    assert.equal(errorOf('{"gender": female}'), '1:12 "female" is not a JSON value: text must be in double quotes.');
    assert.equal(errorOf('{"a": 1} // note'), '1:10 Unexpected "/" after the end of the JSON value: only one value is allowed.');
    assert.equal(errorOf('{// note\n"a": 1}'), '1:2 JSON does not allow comments.');
    assert.equal(errorOf('[/* x */ 1]'), '1:2 JSON does not allow comments.');
    assert.equal(errorOf('{"a": @}'), '1:7 Unexpected "@": expected a value (an object, array, string, number, true, false or null).');
    assert.equal(errorOf('{ ; }'), '1:3 Unexpected ";": expected a property name in double quotes.');
    assert.equal(errorOf('{"a": 1}}'), '1:9 Unexpected "}" after the end of the JSON value: only one value is allowed.');
    assert.equal(errorOf('\uFEFF{}'), '1:1 Unexpected the invisible character U+FEFF: expected a value (an object, array, string, number, true, false or null).');
  });

  it('reports bad numbers', () => {
    assert.equal(errorOf('{"value": 01}'), '1:11 A number cannot start with 0 followed by more digits.');
    assert.equal(errorOf('{"value": 1.}'), '1:13 A decimal point must be followed by a digit.');
    assert.equal(errorOf('{"value": -}'), '1:12 A minus sign must be followed by a digit.');
    assert.equal(errorOf('{"value": 1e}'), '1:13 An exponent (e) must be followed by a digit.');
    assert.equal(errorOf('{"value": .5}'), '1:11 Unexpected ".": expected a value (an object, array, string, number, true, false or null).');
  });

  it('reports bad escapes and raw control characters in strings', () => {
    assert.equal(errorOf('{"a": "C:\\temp\\x"}'), '1:15 "\\x" is not a JSON escape: write a backslash as \\\\.');
    assert.equal(errorOf('{"a": "\\u12"}'), '1:8 A \\u escape needs exactly four hexadecimal digits, as in \\u00e9.');
    assert.equal(errorOf('{"a": "x\ty"}'), '1:9 A string cannot contain a tab as is: write it as an escape such as \\t.');
    assert.equal(errorOf('"abc\\'), '1:1 This string has no closing double quote.');
  });

  it('counts columns in characters, so an emoji before an error counts once', () => {
    assert.equal(errorOf('{"a": "😀", }'), '1:10 Trailing comma: remove the comma before "}".');
  });

  it('stops nesting deeper than 512 levels instead of overflowing the stack', () => {
    assert.match(errorOf('['.repeat(600)), /nested more than 512 levels/);
  });
});

describe('parseJson: values and positions', () => {
  it('records where each member and item starts, by JSON Pointer', () => {
    const text = '{\n  "resourceType": "Patient",\n  "name": [\n    { "family": "Rivera" }\n  ],\n  "a/b~c": 1\n}';
    const result = parseJson(text);
    assert.ok(result.ok);
    assert.deepEqual(result.locations.at(''), { line: 1, column: 1, offset: 0 });
    assert.equal(result.locations.at('/resourceType')?.line, 2);
    assert.deepEqual(
      [result.locations.at('/name/0')?.line, result.locations.at('/name/0')?.column],
      [4, 5],
    );
    assert.deepEqual([result.locations.at('/name/0/family')?.line, result.locations.at('/name/0/family')?.column], [4, 7]);
    assert.equal(result.locations.at('/a~1b~0c')?.line, 6);
    assert.equal(result.locations.at('/nothing'), undefined);
  });

  it('keeps the last copy of a repeated key, as JSON.parse does, and reports it', () => {
    const result = parseJson('{"status": "draft",\n "status": "final"}');
    assert.ok(result.ok);
    assert.deepEqual(result.value, { status: 'final' });
    assert.deepEqual(result.duplicates, [{ pointer: '/status', position: { line: 2, column: 2, offset: 21 } }]);
  });

  it('keeps "__proto__" as an ordinary member', () => {
    const result = parseJson('{"__proto__": {"x": 1}}');
    assert.ok(result.ok);
    assert.deepEqual(Object.keys(result.value as object), ['__proto__']);
    assert.equal(Object.getPrototypeOf(result.value), Object.prototype);
  });

  it('counts \\r\\n and a lone \\r as one line break each', () => {
    const at = lineIndex('a\r\nb\rc\nd');
    assert.deepEqual([at(3), at(5), at(7)].map((p) => p.line), [2, 3, 4]);
    assert.deepEqual(at(99), { line: 4, column: 2, offset: 8 });
  });

  it('escapes pointer segments as RFC 6901 says', () => {
    assert.equal(pointerSegment('a/b~c'), 'a~1b~0c');
    assert.equal(childPointer('/entry', 0), '/entry/0');
  });

  it('agrees with JSON.parse on any JSON value, pretty or compact', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const result = parseJson(text);
        assert.ok(result.ok, text);
        assert.deepStrictEqual(result.value, JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts exactly what JSON.parse accepts, for arbitrary and mutated text', () => {
    const accepts = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '"', '}', ']', ' ', '\n', '0', '-', 'e', '.', '\\', 'u', '\t'))
      .map(([text, at, insert]) => {
        const index = at % (text.length + 1);
        return text.slice(0, index) + insert + text.slice(index + (insert === '' ? 1 : 0));
      });
    fc.assert(
      fc.property(fc.oneof(fc.string(), mutated), (text) => {
        const result = parseJson(text);
        assert.equal(result.ok, accepts(text), JSON.stringify(text));
        if (result.ok) assert.deepStrictEqual(result.value, JSON.parse(text));
        else assert.ok(result.error.position.line >= 1 && result.error.position.column >= 1);
      }),
      { numRuns: 2000 },
    );
  });
});
