export const SITE_NAME = 'Interop Workbook';
export const SITE_TAGLINE = 'How your health-tech product fits into hospital systems';
export const SITE_DESCRIPTION =
  'A free, offline-friendly guide and workbook for health-tech teams: HL7 v2, FHIR, DICOM, IHE profiles and interface engines, and the integration brief to write before you build.';
export const REPOSITORY_LICENCES = {
  code: { name: 'MIT', url: 'https://opensource.org/license/mit' },
  content: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
};
/** The localStorage key for an explicit light or dark choice. */
export const THEME_STORAGE_KEY = 'interop-workbook:theme';

/** Top-level sections in the header, as site-absolute paths (the base is added when rendering). */
export const PRIMARY_NAV: readonly { label: string; href: string }[] = [
  { label: 'Guide', href: '/guide/' },
  { label: 'Explore', href: '/explore/' },
  { label: 'Worksheet', href: '/worksheet/' },
  { label: 'Workshop', href: '/workshop/' },
  { label: 'Glossary', href: '/glossary/' },
];
