// The DICOM inspector's reference tables: transfer syntaxes (PS3.6 Table A-1), the PS3.15
// Annex E action codes, and the dictionary built at build time from dcmjs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTION_MEANINGS, deidentificationRule, LISTED_ATTRIBUTE_COUNT } from '../../src/lib/dicom/deidentification.ts';
import { buildDictionary, EMPTY_DICTIONARY, isDictionary, keywordToWords, lookupTag, sopClassName } from '../../src/lib/dicom/dictionary.ts';
import { SOP_CLASS_NAMES } from '../../src/lib/dicom/sop-classes.ts';
import { describeUnknownTransferSyntax, transferSyntax, TRANSFER_SYNTAXES } from '../../src/lib/dicom/transfer-syntaxes.ts';

describe('transfer syntax table', () => {
  it('has the transfer syntaxes the inspector must name', () => {
    const expected: Record<string, string> = {
      '1.2.840.10008.1.2': 'Implicit VR Little Endian',
      '1.2.840.10008.1.2.1': 'Explicit VR Little Endian',
      '1.2.840.10008.1.2.1.99': 'Deflated Explicit VR Little Endian',
      '1.2.840.10008.1.2.2': 'Explicit VR Big Endian',
      '1.2.840.10008.1.2.4.50': 'JPEG Baseline (Process 1)',
      '1.2.840.10008.1.2.4.51': 'JPEG Extended (Process 2 and 4)',
      '1.2.840.10008.1.2.4.70': 'JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])',
      '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless Image Compression',
      '1.2.840.10008.1.2.4.81': 'JPEG-LS Lossy (Near-Lossless) Image Compression',
      '1.2.840.10008.1.2.4.90': 'JPEG 2000 Image Compression (Lossless Only)',
      '1.2.840.10008.1.2.4.91': 'JPEG 2000 Image Compression',
      '1.2.840.10008.1.2.4.201': 'High-Throughput JPEG 2000 Image Compression (Lossless Only)',
      '1.2.840.10008.1.2.5': 'RLE Lossless',
    };
    for (const [uid, name] of Object.entries(expected)) assert.equal(transferSyntax(uid)?.name, name, uid);
  });

  it('has unique UIDs and flags only Implicit VR LE as implicit and only the retired one as big endian', () => {
    assert.equal(new Set(TRANSFER_SYNTAXES.map((syntax) => syntax.uid)).size, TRANSFER_SYNTAXES.length);
    assert.deepEqual(TRANSFER_SYNTAXES.filter((syntax) => !syntax.explicitVR).map((syntax) => syntax.uid), ['1.2.840.10008.1.2']);
    assert.deepEqual(TRANSFER_SYNTAXES.filter((syntax) => !syntax.littleEndian).map((syntax) => syntax.uid), ['1.2.840.10008.1.2.2']);
    assert.equal(transferSyntax('1.2.840.10008.1.2.2')?.retired, true);
    assert.ok(TRANSFER_SYNTAXES.filter((syntax) => syntax.uid.startsWith('1.2.840.10008.1.2.4.')).every((syntax) => syntax.encapsulated));
  });

  it('ignores the padding a UID value carries, and describes unknown UIDs conservatively', () => {
    assert.equal(transferSyntax('1.2.840.10008.1.2.1\0')?.name, 'Explicit VR Little Endian');
    assert.equal(transferSyntax('1.2.3'), undefined);
    assert.equal(describeUnknownTransferSyntax('1.2.840.10008.1.2.4.110').encapsulated, true);
    assert.equal(describeUnknownTransferSyntax('1.2.3').encapsulated, false);
  });
});

describe('PS3.15 Annex E rules', () => {
  it('lists the identifying attributes with their Basic Profile action', () => {
    assert.ok(LISTED_ATTRIBUTE_COUNT > 400);
    const cases: Record<string, string> = {
      '00100010': 'Z', // Patient's Name
      '00100020': 'Z', // Patient ID
      '00100030': 'Z', // Patient's Birth Date
      '00080050': 'Z', // Accession Number
      '00080080': 'X/Z/D', // Institution Name
      '00080090': 'Z', // Referring Physician's Name
      '0020000D': 'U', // Study Instance UID
      '0020000E': 'U', // Series Instance UID
      '00080018': 'U', // SOP Instance UID
      '00101000': 'X', // Other Patient IDs
      '00080020': 'Z', // Study Date
      '00081140': 'X/Z/U*', // Referenced Image Sequence
    };
    for (const [tag, code] of Object.entries(cases)) assert.equal(deidentificationRule(tag)?.code, code, tag);
    assert.equal(deidentificationRule('0020000d')?.code, 'U', 'any case');
  });

  it('covers private, overlay and curve elements by pattern, and leaves technical ones alone', () => {
    assert.deepEqual(deidentificationRule('00291010'), { code: 'X', basis: 'private' });
    assert.deepEqual(deidentificationRule('60003000'), { code: 'X', basis: 'overlay' });
    assert.deepEqual(deidentificationRule('60024000'), { code: 'X', basis: 'overlay' });
    assert.deepEqual(deidentificationRule('50001000'), { code: 'X', basis: 'curve' });
    assert.equal(deidentificationRule('00280010'), undefined, 'Rows');
    assert.equal(deidentificationRule('7FE00010'), undefined, 'Pixel Data');
    assert.equal(deidentificationRule('60000010'), undefined, 'Overlay Rows');
  });

  it('explains every action code', () => {
    for (const meaning of Object.values(ACTION_MEANINGS)) assert.ok(meaning.length > 5);
  });
});

describe('dictionary', () => {
  it('turns keywords into words', () => {
    assert.equal(keywordToWords('SOPInstanceUID'), 'SOP Instance UID');
    assert.equal(keywordToWords('Rows'), 'Rows');
    assert.equal(keywordToWords('SamplesPerPixel'), 'Samples per Pixel');
    assert.equal(keywordToWords('OphthalmicPhotography8BitImage'), 'Ophthalmic Photography 8 Bit Image');
    assert.equal(keywordToWords('RETIRED_CollationFlag'), 'Collation Flag');
  });

  it('builds entries, keeping a display name only where the keyword does not give it', () => {
    const dictionary = buildDictionary(
      [
        { tag: '(0010,0010)', keyword: 'PatientName', vr: 'PN' },
        { tag: '(0028,0010)', keyword: 'Rows', vr: 'US' },
        { tag: '(7FE0,0010)', keyword: 'PixelData', vr: 'ox' },
        { tag: '(60xx,3000)', keyword: 'OverlayData', vr: 'ox' },
        { tag: 'not a tag', keyword: 'Nothing', vr: 'CS' },
      ],
      { '(0010,0010)': "Patient's Name", '(0028,0010)': 'Rows' },
      { '1.2.840.10008.5.1.4.1.1.2': 'CTImage', '1.2.840.10008.5.1.4.1.1.30': 'ParametricMapStorage' },
      { '1.2.840.10008.5.1.4.1.1.20': 'Nuclear Medicine Image Storage' },
    );
    assert.deepEqual(dictionary.tags['00100010'], ['PatientName', 'PN', "Patient's Name"]);
    assert.deepEqual(dictionary.tags['00280010'], ['Rows', 'US']);
    assert.deepEqual(dictionary.tags['7FE00010'], ['PixelData', 'OB or OW']);
    assert.equal(Object.keys(dictionary.tags).length, 3);
    assert.deepEqual(dictionary.repeating, [['60xx3000', ['OverlayData', 'OB or OW']]]);
    assert.equal(sopClassName(dictionary, '1.2.840.10008.5.1.4.1.1.2'), 'CT Image Storage');
    assert.equal(sopClassName(dictionary, '1.2.840.10008.5.1.4.1.1.30\0'), 'Parametric Map Storage');
    assert.equal(sopClassName(dictionary, '1.2.840.10008.5.1.4.1.1.20'), 'Nuclear Medicine Image Storage');
    assert.equal(lookupTag(dictionary, '60023000').name, 'Overlay Data');
    assert.equal(lookupTag(dictionary, '00100010').name, "Patient's Name");
  });

  it('describes tags that are not in the dictionary', () => {
    assert.deepEqual(lookupTag(EMPTY_DICTIONARY, '00290010'), { name: 'Private Creator', vr: 'LO', known: true });
    assert.equal(lookupTag(EMPTY_DICTIONARY, '00291001').known, false);
    assert.equal(lookupTag(EMPTY_DICTIONARY, '00080000').name, 'Group Length');
    assert.equal(lookupTag(EMPTY_DICTIONARY, '00081234').name, 'Not in the data dictionary');
  });

  it('checks the shape of a fetched dictionary', () => {
    assert.equal(isDictionary(EMPTY_DICTIONARY), true);
    assert.equal(isDictionary(null), false);
    assert.equal(isDictionary({ tags: {} }), false);
    assert.equal(isDictionary('{}'), false);
  });

  it('names the common storage SOP classes in the PS3.6 form', () => {
    assert.equal(SOP_CLASS_NAMES['1.2.840.10008.5.1.4.1.1.2'], 'CT Image Storage');
    assert.equal(SOP_CLASS_NAMES['1.2.840.10008.5.1.4.1.1.7'], 'Secondary Capture Image Storage');
    assert.ok(Object.values(SOP_CLASS_NAMES).every((name) => name.includes('Storage')));
  });
});
