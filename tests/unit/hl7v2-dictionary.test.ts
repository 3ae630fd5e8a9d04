import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import {
  chooseVersion,
  compactDictionary,
  componentsOf,
  describeRepeat,
  DICTIONARY_VERSIONS,
  fieldInfo,
  isZSegment,
  segmentName,
  type SourceDefinition,
} from '../../src/lib/hl7v2/dictionary.ts';

const require = createRequire(import.meta.url);
const load = (version: string) => require(`hl7-dictionary/lib/${version}/index.js`) as SourceDefinition;
const v251 = compactDictionary('2.5.1', load('2.5.1'));

describe('HL7 v2 dictionary extract', () => {
  it('names v2.5.1 segments and fields at their 1-based positions', () => {
    assert.equal(segmentName(v251, 'PID'), 'Patient Identification');
    assert.equal(segmentName(v251, 'MSH'), 'Message Header');
    const name = fieldInfo(v251, 'PID', 5);
    assert.deepEqual(name, { name: 'Patient Name', type: 'XPN', typeName: 'Extended Person Name', required: true, repeat: 0, table: 0, source: 'standard' });
    assert.equal(fieldInfo(v251, 'MSH', 9).name, 'Message Type');
    assert.equal(fieldInfo(v251, 'MSH', 10).name, 'Message Control ID');
    assert.equal(fieldInfo(v251, 'MSH', 12).name, 'Version ID');
    assert.equal(fieldInfo(v251, 'PID', 8).table, 1);
    assert.equal(fieldInfo(v251, 'MSH', 1).source, 'separator');
    assert.equal(fieldInfo(v251, 'OBX', 5).name, 'Observation Value');
    assert.equal(v251.structures['ADT_A01'], 'Admit/visit notification');
  });

  it('names components of a data type: XPN.1 is Family Name', () => {
    const xpn = componentsOf(v251, 'XPN');
    assert.equal(xpn[0]![0], 'Family Name');
    assert.equal(xpn[0]![1], 'FN');
    assert.equal(componentsOf(v251, 'FN')[0]![0], 'Surname');
    assert.deepEqual(componentsOf(v251, 'ST'), []);
    assert.deepEqual(componentsOf(undefined, 'XPN'), []);
  });

  it('has every version the package defines, MSH-9 always at position 9', () => {
    for (const version of DICTIONARY_VERSIONS) {
      const dictionary = compactDictionary(version, load(version));
      assert.equal(dictionary.segments['MSH']![1][0]![0].toLowerCase(), 'field separator', version);
      assert.match(fieldInfo(dictionary, 'MSH', 9).name, /message type/i, version);
    }
  });

  it('describes Z-segments, unknown segments and fields past the definition honestly', () => {
    assert.equal(isZSegment('ZPI'), true);
    assert.equal(isZSegment('PID'), false);
    assert.equal(segmentName(v251, 'ZPI'), 'Site-defined segment');
    assert.equal(fieldInfo(v251, 'ZPI', 1).source, 'site-defined');
    assert.equal(fieldInfo(v251, 'QQQ', 1).source, 'unknown-segment');
    assert.equal(segmentName(v251, 'QQQ'), '');
    assert.equal(fieldInfo(undefined, 'PID', 5).name, 'Field');
    const past = fieldInfo(v251, 'NTE', 9);
    assert.equal(past.source, 'beyond-definition');
    assert.match(past.name, /Not in the v2\.5\.1 definition of NTE/);
  });

  it('uses the MSH-12 version when it has it, v2.5.1 otherwise, and says so', () => {
    assert.deepEqual(chooseVersion('2.3'), { version: '2.3', note: '' });
    assert.deepEqual(chooseVersion(' 2.7.1 '), { version: '2.7.1', note: '' });
    const later = chooseVersion('2.8');
    assert.equal(later.version, '2.5.1');
    assert.match(later.note, /no v2\.8 .*those of v2\.5\.1/);
    assert.match(chooseVersion('').note, /MSH-12 gives no version/);
  });

  it('words repetition limits', () => {
    assert.equal(describeRepeat(0), 'may repeat');
    assert.equal(describeRepeat(1), 'does not repeat');
    assert.equal(describeRepeat(3), 'up to 3 times');
    assert.equal(describeRepeat(undefined), 'not known');
  });
});
