/**
 * Builds the inspector's synthetic sample: a 64 × 64, 16-bit secondary capture image of a
 * diagonal gradient, for a patient who does not exist. Written with dcmjs (a build-time
 * dependency only) by src/pages/explore/dicom/sample.dcm.ts, and by the tests.
 *
 * Every identifier is fixed, so each build writes the same bytes. The UIDs are 2.25.
 * UIDs (PS3.5 Annex B) made from fixed, made-up UUIDs; the names say they are synthetic.
 */
import dcmjs from 'dcmjs';

export const SAMPLE = {
  patientName: 'DOE^JANE^^^SYNTHETIC',
  patientId: 'SYNTH-0001',
  accessionNumber: 'SYNACC0001',
  studyInstanceUid: '2.25.100000000000000000000000000000000001',
  seriesInstanceUid: '2.25.100000000000000000000000000000000002',
  sopInstanceUid: '2.25.100000000000000000000000000000000003',
  referencedStudyUid: '2.25.100000000000000000000000000000000004',
  sopClassUid: '1.2.840.10008.5.1.4.1.1.7',
  transferSyntaxUid: '1.2.840.10008.1.2.1',
  rows: 64,
  columns: 64,
} as const;

export interface SampleOptions {
  /** Transfer syntax to declare and write with (dcmjs writes explicit or implicit VR little endian). */
  transferSyntaxUid?: string;
  /** Replace the 64 × 64 image with this many bytes of pixel data, to build large files. */
  pixelBytes?: number;
  /** Add a private element (group 0009) as vendors do. Default true. */
  privateElement?: boolean;
  /** Extra or replaced attributes, by dcmjs keyword (used by the tests). */
  overrides?: Record<string, unknown>;
}

/** The gradient: value = (row + column) × 256, so the image runs dark to bright corner to corner. */
function gradient(rows: number, columns: number): ArrayBuffer {
  const pixels = new Uint16Array(rows * columns);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) pixels[row * columns + column] = (row + column) * 256;
  }
  return pixels.buffer;
}

/** The sample file's bytes. */
export function buildSampleDicom(options: SampleOptions = {}): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const transferSyntaxUid = options.transferSyntaxUid ?? SAMPLE.transferSyntaxUid;
  const pixelBytes = options.pixelBytes ?? SAMPLE.rows * SAMPLE.columns * 2;
  const pixelData = options.pixelBytes === undefined ? gradient(SAMPLE.rows, SAMPLE.columns) : new ArrayBuffer(pixelBytes + (pixelBytes % 2));
  const frames = options.pixelBytes === undefined ? 1 : Math.max(1, Math.round(pixelBytes / (SAMPLE.rows * SAMPLE.columns * 2)));

  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: SAMPLE.sopClassUid,
    MediaStorageSOPInstanceUID: SAMPLE.sopInstanceUid,
    TransferSyntaxUID: transferSyntaxUid,
    ImplementationClassUID: '2.25.100000000000000000000000000000000009',
    ImplementationVersionName: 'INTEROP_WB_1',
  };
  const dataset: Record<string, unknown> = {
    SpecificCharacterSet: 'ISO_IR 192',
    ImageType: ['DERIVED', 'SECONDARY'],
    SOPClassUID: SAMPLE.sopClassUid,
    SOPInstanceUID: SAMPLE.sopInstanceUid,
    StudyDate: '20260101',
    SeriesDate: '20260101',
    ContentDate: '20260101',
    StudyTime: '090000',
    ContentTime: '090000',
    AccessionNumber: SAMPLE.accessionNumber,
    Modality: 'OT',
    ConversionType: 'SYN',
    Manufacturer: 'Interop Workbook (synthetic sample)',
    InstitutionName: 'Example Teaching Hospital (fictional)',
    ReferringPhysicianName: 'EXAMPLE^REFERRER^^DR',
    StudyDescription: 'Synthetic sample: not a real patient',
    SeriesDescription: 'Diagonal gradient test image',
    ReferencedStudySequence: [
      {
        ReferencedSOPClassUID: '1.2.840.10008.3.1.2.3.1',
        ReferencedSOPInstanceUID: SAMPLE.referencedStudyUid,
      },
    ],
    PatientName: SAMPLE.patientName,
    PatientID: SAMPLE.patientId,
    PatientBirthDate: '19700101',
    PatientSex: 'O',
    OtherPatientIDs: 'SYNTH-ALT-0001',
    PatientComments: 'Synthetic record made for teaching; no real person.',
    StudyInstanceUID: SAMPLE.studyInstanceUid,
    SeriesInstanceUID: SAMPLE.seriesInstanceUid,
    StudyID: 'SYN1',
    SeriesNumber: '1',
    InstanceNumber: '1',
    PatientOrientation: '',
    BurnedInAnnotation: 'NO',
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: SAMPLE.rows,
    Columns: SAMPLE.columns,
    BitsAllocated: 16,
    BitsStored: 16,
    HighBit: 15,
    PixelRepresentation: 0,
    PixelData: [pixelData],
    _vrMap: { PixelData: 'OW' },
  };
  if (frames > 1) dataset['NumberOfFrames'] = String(frames);
  Object.assign(dataset, options.overrides);
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  if (options.privateElement !== false) {
    // A vendor block: creator "SYNTHETIC VENDOR" in (0009,0010), one element in (0009,1001).
    dict.dict['00090010'] = { vr: 'LO', Value: ['SYNTHETIC VENDOR'] };
    dict.dict['00091001'] = { vr: 'LO', Value: ['Vendor note: synthetic'] };
  }
  const written: ArrayBuffer = dict.write();
  return new Uint8Array(written);
}
