/**
 * Transfer syntaxes a Part 10 file may declare in (0002,0010) Transfer Syntax UID.
 *
 * Neither dicom-parser nor dcmjs names them, so this is our own table, taken from the
 * UID registry in DICOM PS3.6 Annex A (Table A-1) and the transfer syntax definitions
 * in PS3.5 Annex A. Each UID was checked against the published standard (PS3.5
 * sections 10.2, 10.18, A.4.2, A.4.3 and A.11, and PS3.6 Table A-1).
 */
export interface TransferSyntax {
  uid: string;
  /** The name as PS3.6 Table A-1 gives it. */
  name: string;
  /** Whether each data element carries its VR (false only for Implicit VR Little Endian). */
  explicitVR: boolean;
  littleEndian: boolean;
  /** Pixel Data is encapsulated (compressed) in fragments rather than stored native. */
  encapsulated: boolean;
  /** The whole data set after the File Meta Information is deflate-compressed. */
  deflated: boolean;
  /** Retired from the standard: still met in old archives. */
  retired: boolean;
  /** One plain sentence for the inspector. */
  note: string;
}

const T = (
  uid: string,
  name: string,
  flags: Partial<Pick<TransferSyntax, 'explicitVR' | 'littleEndian' | 'encapsulated' | 'deflated' | 'retired'>>,
  note: string,
): TransferSyntax => ({
  uid,
  name,
  explicitVR: flags.explicitVR ?? true,
  littleEndian: flags.littleEndian ?? true,
  encapsulated: flags.encapsulated ?? false,
  deflated: flags.deflated ?? false,
  retired: flags.retired ?? false,
  note,
});

export const TRANSFER_SYNTAXES: readonly TransferSyntax[] = [
  T('1.2.840.10008.1.2', 'Implicit VR Little Endian', { explicitVR: false }, 'The default transfer syntax: no VR is written, so a reader needs the data dictionary to know each element’s type.'),
  T('1.2.840.10008.1.2.1', 'Explicit VR Little Endian', {}, 'Uncompressed, with each element’s VR written in the file: the most common choice for files.'),
  T('1.2.840.10008.1.2.1.99', 'Deflated Explicit VR Little Endian', { deflated: true }, 'The whole data set after the file meta information is deflate-compressed.'),
  T('1.2.840.10008.1.2.2', 'Explicit VR Big Endian', { littleEndian: false, retired: true }, 'Retired from the standard; met only in old archives.'),
  T('1.2.840.10008.1.2.4.50', 'JPEG Baseline (Process 1)', { encapsulated: true }, 'Lossy 8-bit JPEG.'),
  T('1.2.840.10008.1.2.4.51', 'JPEG Extended (Process 2 and 4)', { encapsulated: true }, 'Lossy JPEG for 12-bit images.'),
  T('1.2.840.10008.1.2.4.57', 'JPEG Lossless, Non-Hierarchical (Process 14)', { encapsulated: true }, 'Lossless JPEG.'),
  T(
    '1.2.840.10008.1.2.4.70',
    'JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])',
    { encapsulated: true },
    'The default lossless JPEG transfer syntax.',
  ),
  T('1.2.840.10008.1.2.4.80', 'JPEG-LS Lossless Image Compression', { encapsulated: true }, 'Lossless JPEG-LS.'),
  T('1.2.840.10008.1.2.4.81', 'JPEG-LS Lossy (Near-Lossless) Image Compression', { encapsulated: true }, 'JPEG-LS with a bounded error per pixel.'),
  T('1.2.840.10008.1.2.4.90', 'JPEG 2000 Image Compression (Lossless Only)', { encapsulated: true }, 'Lossless JPEG 2000.'),
  T('1.2.840.10008.1.2.4.91', 'JPEG 2000 Image Compression', { encapsulated: true }, 'JPEG 2000, lossy or lossless at the sender’s choice.'),
  T('1.2.840.10008.1.2.4.201', 'High-Throughput JPEG 2000 Image Compression (Lossless Only)', { encapsulated: true }, 'Lossless HTJ2K.'),
  T(
    '1.2.840.10008.1.2.4.202',
    'High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)',
    { encapsulated: true },
    'Lossless HTJ2K ordered so that low resolutions can be read first.',
  ),
  T('1.2.840.10008.1.2.4.203', 'High-Throughput JPEG 2000 Image Compression', { encapsulated: true }, 'HTJ2K, lossy or lossless at the sender’s choice.'),
  T('1.2.840.10008.1.2.5', 'RLE Lossless', { encapsulated: true }, 'Lossless run-length encoding.'),
];

const BY_UID = new Map(TRANSFER_SYNTAXES.map((syntax) => [syntax.uid, syntax]));

/** The transfer syntax with this UID, or undefined if it is not in our table. */
export function transferSyntax(uid: string): TransferSyntax | undefined {
  return BY_UID.get(uid.replace(/[\0 ]+$/, ''));
}

/**
 * What a reader can still assume about a UID missing from the table: every standard
 * transfer syntax other than Implicit VR Little Endian and the retired big-endian one is
 * explicit VR little endian, and the ones under 1.2.840.10008.1.2.4 compress the pixels.
 */
export function describeUnknownTransferSyntax(uid: string): Pick<TransferSyntax, 'explicitVR' | 'littleEndian' | 'encapsulated' | 'deflated'> {
  return { explicitVR: true, littleEndian: true, encapsulated: uid.startsWith('1.2.840.10008.1.2.4.'), deflated: false };
}
