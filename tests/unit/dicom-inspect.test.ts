// The DICOM inspector's reader: every fixture is generated here, from the synthetic sample
// (written with dcmjs) or from bytes built by hand, so no real file is involved.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { buildLargeDicom, timeInspection } from '../../src/lib/dicom/bench.ts';
import { EMPTY_DICTIONARY, isDictionary, type DicomDictionary } from '../../src/lib/dicom/dictionary.ts';
import { inspectDicom, MAX_TEXT_CHARACTERS, sniffOtherFormat, type ElementView, type InspectResult, type Inspection } from '../../src/lib/dicom/inspect.ts';
import { buildSampleDicom, SAMPLE } from '../../src/lib/dicom/sample.ts';
import { GET } from '../../src/pages/explore/dicom/dictionary.json.ts';

let dictionary: DicomDictionary;

before(async () => {
  const response = await (GET as unknown as () => Response)();
  const value: unknown = await response.json();
  assert.ok(isDictionary(value));
  dictionary = value;
});

function ok(result: InspectResult): Inspection {
  if (!result.ok) assert.fail(`expected a reading, got ${result.error.kind}: ${result.error.message}`);
  return result.inspection;
}

function failure(result: InspectResult) {
  if (result.ok) assert.fail('expected an error, got a reading');
  return result.error;
}

function find(elements: ElementView[], tag: string): ElementView | undefined {
  for (const element of elements) {
    if (element.tag === tag) return element;
    for (const item of element.items ?? []) {
      const inner = find(item, tag);
      if (inner) return inner;
    }
  }
  return undefined;
}

const text = (element: ElementView | undefined) => (element?.value.kind === 'text' ? element.value.text : undefined);

/** Where the File Meta Information ends in a file written by dcmjs: 132 + 12 + group length. */
function metaEnd(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return 132 + 12 + view.getUint32(140, true);
}

describe('reading the synthetic sample', () => {
  it('finds the preamble, the DICM prefix, the transfer syntax and the SOP class with their names', () => {
    const inspection = ok(inspectDicom(buildSampleDicom(), dictionary));
    assert.equal(inspection.start.form, 'part10');
    assert.equal(inspection.start.preambleAllZero, true);
    assert.equal(inspection.transferSyntax.uid, '1.2.840.10008.1.2.1');
    assert.equal(inspection.transferSyntax.name, 'Explicit VR Little Endian');
    assert.equal(inspection.transferSyntax.guessed, false);
    assert.deepEqual(inspection.sopClass, { uid: SAMPLE.sopClassUid, name: 'Secondary Capture Image Storage' });
  });

  it('lists every element in tag order with tag, VR, name and value, file meta first', () => {
    const inspection = ok(inspectDicom(buildSampleDicom(), dictionary));
    const tags = inspection.elements.map((element) => element.tag);
    assert.deepEqual(tags, [...tags].sort());
    assert.equal(tags[0], '00020000');
    const name = find(inspection.elements, '00100010')!;
    assert.equal(name.display, '(0010,0010)');
    assert.equal(name.vr, 'PN');
    assert.equal(name.vrSource, 'file');
    assert.equal(name.name, "Patient's Name");
    assert.equal(text(name), SAMPLE.patientName);
    assert.equal(text(find(inspection.elements, '00280010')), '64', 'US values are read as numbers');
  });

  it('summarises pixel data by length instead of showing it', () => {
    const inspection = ok(inspectDicom(buildSampleDicom(), dictionary));
    const pixels = find(inspection.elements, '7FE00010')!;
    assert.equal(pixels.value.kind, 'pixels');
    assert.match(inspection.pixelData!.summary, /Native \(uncompressed\) pixel data: 8 KB \(8,192 bytes\)/);
  });

  it('nests a sequence with its items, without the delimitation items', () => {
    const inspection = ok(inspectDicom(buildSampleDicom(), dictionary));
    const sequence = find(inspection.elements, '00081110')!;
    assert.equal(sequence.vr, 'SQ');
    assert.equal(sequence.items?.length, 1);
    assert.deepEqual(
      sequence.items![0]!.map((element) => element.tag),
      ['00081150', '00081155'],
    );
    assert.equal(text(sequence.items![0]![1]), SAMPLE.referencedStudyUid);
    assert.deepEqual(sequence.items![0]![1]!.path, ['Referenced Study Sequence › item 1']);
  });

  it('marks the identifying elements with their PS3.15 Annex E action, nested ones included', () => {
    const inspection = ok(inspectDicom(buildSampleDicom(), dictionary));
    const codes = new Map(inspection.identifying.map((hit) => [hit.element.tag, hit.code]));
    assert.equal(codes.get('00100010'), 'Z', "Patient's Name");
    assert.equal(codes.get('00100020'), 'Z', 'Patient ID');
    assert.equal(codes.get('00100030'), 'Z', "Patient's Birth Date");
    assert.equal(codes.get('00080050'), 'Z', 'Accession Number');
    assert.equal(codes.get('00080080'), 'X/Z/D', 'Institution Name');
    assert.equal(codes.get('00080090'), 'Z', "Referring Physician's Name");
    assert.equal(codes.get('0020000D'), 'U', 'Study Instance UID');
    assert.equal(codes.get('0020000E'), 'U', 'Series Instance UID');
    assert.equal(codes.get('00080018'), 'U', 'SOP Instance UID');
    assert.equal(codes.get('00101000'), 'X', 'Other Patient IDs');
    assert.equal(codes.get('00080020'), 'Z', 'Study Date');
    assert.equal(codes.get('00081155'), 'U', 'Referenced SOP Instance UID inside the sequence');
    assert.equal(codes.get('00091001'), 'X', 'a private element');
    assert.equal(codes.has('00280010'), false, 'Rows is not identifying');
    assert.equal(inspection.counts.private, 2);
  });
});

describe('transfer syntaxes', () => {
  it('reads Implicit VR Little Endian, taking the VR from the dictionary', () => {
    const inspection = ok(inspectDicom(buildSampleDicom({ transferSyntaxUid: '1.2.840.10008.1.2' }), dictionary));
    assert.equal(inspection.transferSyntax.name, 'Implicit VR Little Endian');
    assert.equal(inspection.transferSyntax.explicitVR, false);
    const name = find(inspection.elements, '00100010')!;
    assert.equal(name.vr, 'PN');
    assert.equal(name.vrSource, 'dictionary');
    assert.equal(text(name), SAMPLE.patientName);
    assert.equal(text(find(inspection.elements, '00280011')), '64');
    assert.equal(find(inspection.elements, '00081110')?.items?.length, 1, 'implicit sequences still nest');
    assert.equal(find(inspection.elements, '00020010')!.vrSource, 'file', 'the file meta group is always explicit');
  });

  it('without a dictionary, an implicit file still lists its elements with unknown VRs', () => {
    const inspection = ok(inspectDicom(buildSampleDicom({ transferSyntaxUid: '1.2.840.10008.1.2' }), EMPTY_DICTIONARY));
    const name = find(inspection.elements, '00100010')!;
    assert.equal(name.vrSource, 'unknown');
    assert.equal(name.name, 'Not in the data dictionary');
    assert.match(name.value.kind === 'binary' ? name.value.summary : '', /as text: “DOE\^JANE/);
  });

  it('reads a compressed (JPEG Baseline) file: elements listed, pixel data summarised as fragments', () => {
    const inspection = ok(inspectDicom(buildSampleDicom({ transferSyntaxUid: '1.2.840.10008.1.2.4.50' }), dictionary));
    assert.equal(inspection.transferSyntax.name, 'JPEG Baseline (Process 1)');
    assert.equal(inspection.transferSyntax.encapsulated, true);
    assert.equal(text(find(inspection.elements, '00100010')), SAMPLE.patientName);
    assert.match(inspection.pixelData!.summary, /Compressed \(encapsulated\) pixel data: 1 fragment/);
  });

  it('reads a deflated file once given the inflated data set, and asks for it otherwise', () => {
    const plain = buildSampleDicom({ transferSyntaxUid: '1.2.840.10008.1.2.1.99' });
    const end = metaEnd(plain);
    const deflated = new Uint8Array([...plain.subarray(0, end), ...deflateRawSync(plain.subarray(end))]);
    const asked = failure(inspectDicom(deflated, dictionary));
    assert.equal(asked.kind, 'needs-inflate');
    assert.equal(asked.kind === 'needs-inflate' && asked.offset, end);
    const inspection = ok(inspectDicom(deflated, dictionary, { inflated: new Uint8Array(plain.subarray(end)) }));
    assert.equal(inspection.transferSyntax.name, 'Deflated Explicit VR Little Endian');
    assert.equal(text(find(inspection.elements, '00100020')), SAMPLE.patientId);
  });

  it('names a transfer syntax it does not know by UID only, and still reads the file', () => {
    const bytes = buildSampleDicom();
    const source = '1.2.840.10008.1.2.1\0';
    const index = Buffer.from(bytes).indexOf(source, 132, 'latin1');
    bytes.set(Buffer.from('1.2.840.99999.1.2.3\0', 'latin1'), index);
    const inspection = ok(inspectDicom(bytes, dictionary));
    assert.equal(inspection.transferSyntax.uid, '1.2.840.99999.1.2.3');
    assert.equal(inspection.transferSyntax.name, undefined);
    assert.equal(text(find(inspection.elements, '00100010')), SAMPLE.patientName);
  });
});

describe('files without the standard start', () => {
  it('reads a file that starts with DICM, without the 128-byte preamble, and says so', () => {
    const inspection = ok(inspectDicom(buildSampleDicom().subarray(128), dictionary));
    assert.equal(inspection.start.form, 'prefix-only');
    assert.equal(text(find(inspection.elements, '00100010')), SAMPLE.patientName);
  });

  it('reads a file that starts with the File Meta Information, without preamble or DICM', () => {
    const inspection = ok(inspectDicom(buildSampleDicom().subarray(132), dictionary));
    assert.equal(inspection.start.form, 'meta-only');
    assert.equal(inspection.transferSyntax.name, 'Explicit VR Little Endian');
  });

  it('reads a bare implicit VR data set (no preamble, no meta) and says the syntax is guessed', () => {
    const implicit = buildSampleDicom({ transferSyntaxUid: '1.2.840.10008.1.2' });
    const inspection = ok(inspectDicom(implicit.subarray(metaEnd(implicit)), dictionary));
    assert.equal(inspection.start.form, 'raw');
    assert.equal(inspection.transferSyntax.uid, '1.2.840.10008.1.2');
    assert.equal(inspection.transferSyntax.guessed, true);
    assert.equal(text(find(inspection.elements, '00100010')), SAMPLE.patientName);
  });

  it('reads a bare explicit VR data set too', () => {
    const explicit = buildSampleDicom();
    const inspection = ok(inspectDicom(explicit.subarray(metaEnd(explicit)), dictionary));
    assert.equal(inspection.transferSyntax.uid, '1.2.840.10008.1.2.1');
    assert.equal(inspection.transferSyntax.guessed, true);
  });
});

describe('error paths', () => {
  it('an empty file', () => {
    const error = failure(inspectDicom(new Uint8Array(0), dictionary));
    assert.equal(error.kind, 'empty');
    assert.match(error.message, /empty \(0 bytes\)/);
  });

  it('a PNG image', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(300).fill(7)]);
    const error = failure(inspectDicom(png, dictionary));
    assert.equal(error.kind, 'not-dicom');
    assert.match(error.message, /no “DICM” marker/);
    assert.match(error.message, /a PNG image/);
  });

  it('a text file', () => {
    const error = failure(inspectDicom(new TextEncoder().encode('Patient: nobody\nThis is a note, not an image.\n'.repeat(10)), dictionary));
    assert.equal(error.kind, 'not-dicom');
    assert.match(error.message, /a text file/);
  });

  it('a short file of random bytes', () => {
    const error = failure(inspectDicom(new Uint8Array([1, 0, 3, 0, 0xff, 0xfe, 0xfd, 0xfc, 9]), dictionary));
    assert.equal(error.kind, 'not-dicom');
    assert.match(error.message, /only 9 bytes long/);
  });

  it('other formats are named: JPEG, PDF, ZIP', () => {
    assert.equal(sniffOtherFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), 'a JPEG image');
    assert.equal(sniffOtherFormat(new TextEncoder().encode('%PDF-1.7')), 'a PDF document');
    assert.match(sniffOtherFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))!, /^a ZIP archive/);
    assert.equal(sniffOtherFormat(new Uint8Array([0x00, 0x01, 0x02, 0xff])), undefined);
  });

  it('a file cut in half: truncated, naming the element, with the elements read before the cut', () => {
    const bytes = buildSampleDicom();
    const error = failure(inspectDicom(bytes.subarray(0, Math.floor(bytes.length / 2)), dictionary));
    assert.equal(error.kind, 'truncated');
    assert.match(error.message, /ends too early inside element \(7FE0,0010\) Pixel Data/);
    assert.ok(error.kind === 'truncated' && error.partial, 'the partial reading is kept');
    assert.equal(text(find(error.partial!.elements, '00100010')), SAMPLE.patientName);
  });

  it('an implicit VR file cut in half is truncated too', () => {
    const bytes = buildSampleDicom({ transferSyntaxUid: '1.2.840.10008.1.2' });
    assert.equal(failure(inspectDicom(bytes.subarray(0, bytes.length - 100), dictionary)).kind, 'truncated');
  });

  it('a file cut inside the header elements', () => {
    const bytes = buildSampleDicom();
    assert.equal(failure(inspectDicom(bytes.subarray(0, 503), dictionary)).kind, 'truncated');
  });

  it('a file cut exactly between two elements is read, with a warning that the pixel data is missing', () => {
    const inspection = ok(inspectDicom(buildSampleDicom().subarray(0, 500), dictionary));
    assert.equal(inspection.warnings.length, 1);
    assert.match(inspection.warnings[0]!, /no Pixel Data \(7FE0,0010\): it may have been cut short/);
    assert.deepEqual(ok(inspectDicom(buildSampleDicom(), dictionary)).warnings, [], 'a whole file has no warning');
  });

  it('a file cut inside the File Meta Information', () => {
    const error = failure(inspectDicom(buildSampleDicom().subarray(0, 170), dictionary));
    assert.equal(error.kind, 'truncated');
    assert.match(error.message, /File Meta Information/);
  });

  it('a file that stops right after DICM', () => {
    const error = failure(inspectDicom(buildSampleDicom().subarray(0, 132), dictionary));
    assert.equal(error.kind, 'truncated');
    assert.match(error.message, /right after the “DICM” marker/);
  });

  it('a file that ends right after the File Meta Information', () => {
    const bytes = buildSampleDicom();
    assert.equal(failure(inspectDicom(bytes.subarray(0, metaEnd(bytes)), dictionary)).kind, 'truncated');
  });

  it('a File Meta Information without a Transfer Syntax UID', () => {
    const bytes = buildSampleDicom();
    // Rename (0002,0010) to (0002,0011), which no reader knows: the transfer syntax is then missing.
    const index = Buffer.from(bytes).indexOf(Buffer.from([0x02, 0x00, 0x10, 0x00, 0x55, 0x49]), 132);
    bytes[index + 2] = 0x11;
    const error = failure(inspectDicom(bytes, dictionary));
    assert.equal(error.kind, 'unreadable');
    assert.match(error.message, /no \(0002,0010\) Transfer Syntax UID/);
  });
});

describe('large values and files', () => {
  it('cuts a very long text value and says so', () => {
    const long = 'Synthetic comment. '.repeat(1000);
    const inspection = ok(inspectDicom(buildSampleDicom({ overrides: { PatientComments: long } }), dictionary));
    const comments = find(inspection.elements, '00104000')!;
    assert.equal(comments.value.kind, 'text');
    assert.equal(comments.value.kind === 'text' && comments.value.cut, true);
    assert.equal(comments.value.kind === 'text' && comments.value.text.length, MAX_TEXT_CHARACTERS);
  });

  it('shows a short value whole', () => {
    const inspection = ok(inspectDicom(buildSampleDicom(), dictionary));
    const comments = find(inspection.elements, '00104000')!;
    assert.equal(comments.value.kind === 'text' && comments.value.cut, false);
  });

  it('parses a 50 MB file quickly (the benchmark helper)', () => {
    const bytes = buildLargeDicom(50);
    assert.ok(bytes.length > 50 * 1024 * 1024);
    const timing = timeInspection(bytes, dictionary);
    assert.equal(timing.ok, true);
    assert.ok(timing.milliseconds < 2000, `took ${timing.milliseconds} ms`);
  });
});
