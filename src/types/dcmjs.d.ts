// dcmjs ships no type declarations. Only its DicomDict / DicomMetaDictionary API is used,
// at build time and in tests (never in the browser), so a loose declaration is enough.
declare module 'dcmjs' {
  const dcmjs: {
    data: {
      DicomDict: new (meta: Record<string, unknown>) => { dict: Record<string, unknown>; write(): ArrayBuffer };
      DicomMetaDictionary: {
        denaturalizeDataset(dataset: Record<string, unknown>): Record<string, unknown>;
        nameMap: Record<string, { tag: string; name: string; vr: string; vm: string }>;
        sopClassNamesByUID: Record<string, string>;
      };
    };
  };
  export default dcmjs;
}
