/**
 * The ecosystem map: the systems a health-tech product meets in a hospital and the
 * flows between them, defined once for the figure (src/islands/EcosystemMap.tsx), its
 * tests and anyone who wants the data. Pure data and helpers: no DOM.
 *
 * Arrows point from the system that starts an exchange (sender, or the one asking)
 * to the one that receives or answers it. For a query, such as the DICOM worklist or
 * a FHIR read, the data comes back against the arrow.
 *
 * Imaging flows follow IHE Radiology Scheduled Workflow (SWF and SWF.b, RAD TF-1/2):
 * RAD-1 Patient Registration, RAD-2 Placer Order Management, RAD-4 Procedure Scheduled,
 * RAD-5 Query Modality Worklist, RAD-6/7 Modality Procedure Step In Progress/Completed,
 * RAD-8 Modality Images Stored, RAD-10 Storage Commitment, RAD-14 Query Images and
 * RAD-16 Retrieve Images. SWF uses HL7 v2.3.1 (ORM^O01 for RAD-2 and RAD-4); SWF.b adds
 * HL7 v2.5.1 (OMG^O19 for RAD-2, OMI^O23 for RAD-4). Flows to and from "your product"
 * are common practice, not IHE transactions.
 */

export const STANDARDS = ['HL7 v2', 'FHIR', 'DICOM', 'SMART/OAuth'] as const;
export type Standard = (typeof STANDARDS)[number];
/** What the map's control can show: every flow, or one standard's flows highlighted. */
export type StandardFilter = 'all' | Standard;

export type NodeId = 'adt' | 'ehr' | 'fhir' | 'engine' | 'product' | 'lis' | 'ris' | 'pacs' | 'modality' | 'workstation';

export interface EcoNode {
  id: NodeId;
  /** Short name drawn in the box. */
  name: string;
  /** Second line in the box. */
  detail: string;
  /** Full name for tables and screen readers. */
  longName: string;
  /** Centre of the box in the figure's coordinates (see VIEWBOX). */
  x: number;
  y: number;
  /** The reader's own product, drawn with emphasis. */
  isProduct?: boolean;
}

export interface Offset {
  dx: number;
  dy: number;
}

export interface Flow {
  id: string;
  from: NodeId;
  to: NodeId;
  /** Short label drawn on the arrow. */
  label: string;
  /** What travels, in a sentence. */
  carries: string;
  standard: Standard;
  /** Typical transport. */
  transport: string;
  /** Where the flow is defined: an IHE transaction or the specification. */
  reference: string;
  /** Where along the arrow the label sits, 0 (start) to 1 (end); default 0.5 or staggered. */
  labelAt?: number;
  /** Where the arrow aims, as offsets from the centres of its boxes, when the centre lines are crowded. */
  fromAnchor?: Offset;
  toAnchor?: Offset;
}

/** The figure's coordinate system: the SVG viewBox. */
export const VIEWBOX = { width: 720, height: 656 } as const;
export const NODE_WIDTH = 140;
export const NODE_HEIGHT = 64;
/** Distance between side-by-side arrows that join the same two systems: across a row, and down a column. */
export const PARALLEL_GAP = 24;
export const PARALLEL_GAP_VERTICAL = 52;
/** Label text size in the figure's units, and the height of the plate behind a label. */
export const LABEL_FONT_SIZE = 12.5;
export const LABEL_HEIGHT = 18;
/** Distance between the lines of a label broken over two lines. */
export const LABEL_LINE_GAP = 14.5;

const COL = [82, 360, 634] as const;
const ROW = [52, 232, 412, 592] as const;

export const NODES: readonly EcoNode[] = [
  {
    id: 'adt',
    name: 'Registration',
    detail: 'ADT (often the EHR)',
    longName: 'Registration / ADT system (often the EHR’s ADT module)',
    x: COL[0],
    y: ROW[0],
  },
  { id: 'lis', name: 'LIS', detail: 'laboratory system', longName: 'LIS (laboratory information system)', x: COL[1], y: ROW[0] },
  {
    id: 'ehr',
    name: 'EHR / EMR',
    detail: 'health record',
    longName: 'EHR / EMR (electronic health or medical record)',
    x: COL[0],
    y: ROW[1],
  },
  { id: 'engine', name: 'Interface engine', detail: 'routes and maps', longName: 'Interface engine', x: COL[1], y: ROW[1] },
  { id: 'ris', name: 'RIS', detail: 'radiology system', longName: 'RIS (radiology information system)', x: COL[2], y: ROW[1] },
  {
    id: 'fhir',
    name: 'FHIR server',
    detail: 'the EHR’s FHIR API',
    longName: 'FHIR server (the EHR’s FHIR API)',
    x: COL[0],
    y: ROW[2],
  },
  {
    id: 'product',
    name: 'Your product',
    detail: 'three placements',
    longName: 'Your product',
    x: COL[1],
    y: ROW[2],
    isProduct: true,
  },
  {
    id: 'workstation',
    name: 'Workstation',
    detail: 'radiologist’s viewer',
    longName: 'Reading workstation (the radiologist’s viewer)',
    x: COL[0],
    y: ROW[3],
  },
  { id: 'pacs', name: 'PACS / VNA', detail: 'image archive', longName: 'PACS / VNA (image archive)', x: COL[1], y: ROW[3] },
  {
    id: 'modality',
    name: 'Modalities',
    detail: 'CT, MR, X-ray',
    longName: 'Imaging modalities (CT, MR, X-ray and other scanners)',
    x: COL[2],
    y: ROW[3],
  },
];

const MLLP = 'MLLP over TCP';
const DIMSE = 'DICOM network services (DIMSE) over TCP';

export const FLOWS: readonly Flow[] = [
  // HL7 v2: events, orders and results, mostly through the interface engine.
  {
    id: 'adt-feed',
    from: 'adt',
    to: 'engine',
    label: 'ADT A01, A03, A08',
    carries: 'Patient and visit events: ADT^A01 admit, ADT^A03 discharge, ADT^A08 update, and more',
    standard: 'HL7 v2',
    transport: MLLP,
    reference: 'HL7 v2 table 0003; IHE RAD-1 Patient Registration when forwarded to radiology',
  },
  {
    id: 'orders',
    from: 'ehr',
    to: 'engine',
    label: 'Orders',
    carries: 'Orders placed in the EHR: OML^O21 for the laboratory; ORM^O01 (HL7 v2.3.1) or OMG^O19 (v2.5.1) for imaging',
    standard: 'HL7 v2',
    transport: MLLP,
    reference: 'IHE RAD-2 Placer Order Management (imaging orders)',
  },
  {
    id: 'results-to-ehr',
    from: 'engine',
    to: 'ehr',
    label: 'Results ORU^R01',
    carries: 'Lab results, radiology reports and your product’s output, filed to the chart',
    standard: 'HL7 v2',
    transport: MLLP,
    reference: 'HL7 v2 ORU^R01',
  },
  {
    id: 'lab-feed',
    from: 'engine',
    to: 'lis',
    label: 'ADT + OML^O21',
    carries: 'Patient events and laboratory orders, routed to the laboratory',
    standard: 'HL7 v2',
    transport: MLLP,
    reference: 'HL7 v2 ADT and OML^O21',
  },
  {
    id: 'lab-results',
    from: 'lis',
    to: 'engine',
    label: 'Results ORU^R01',
    carries: 'Laboratory results, usually one OBX (observation) segment per value',
    standard: 'HL7 v2',
    transport: MLLP,
    reference: 'HL7 v2 ORU^R01',
  },
  {
    id: 'rad-feed',
    from: 'engine',
    to: 'ris',
    label: 'ADT + orders',
    carries: 'Patient events (IHE RAD-1) and imaging orders (RAD-2), routed to radiology',
    standard: 'HL7 v2',
    transport: MLLP,
    reference: 'IHE RAD-1 Patient Registration, RAD-2 Placer Order Management',
  },
  {
    id: 'rad-reports',
    from: 'ris',
    to: 'engine',
    label: 'Reports ORU^R01',
    carries: 'Signed radiology reports; some sites send report documents as MDM^T02 instead',
    standard: 'HL7 v2',
    transport: MLLP,
    reference: 'HL7 v2 ORU^R01 (or MDM^T02)',
  },
  {
    id: 'procedure-scheduled',
    from: 'ris',
    to: 'pacs',
    label: 'OMI^O23 (RAD-4)',
    carries: 'The scheduled procedure, with its Study Instance UID, so the archive expects the images; ORM^O01 under HL7 v2.3.1',
    standard: 'HL7 v2',
    transport: MLLP,
    reference: 'IHE RAD-4 Procedure Scheduled',
    labelAt: 0.45,
    fromAnchor: { dx: -50, dy: 0 },
    toAnchor: { dx: 40, dy: 0 },
  },
  {
    id: 'product-feed',
    from: 'engine',
    to: 'product',
    label: 'ADT + ORU copies',
    carries: 'Copies of the feeds your product needs, filtered and mapped by the engine team',
    standard: 'HL7 v2',
    transport: MLLP,
    reference: 'HL7 v2 ADT and ORU^R01',
  },
  {
    id: 'product-results',
    from: 'product',
    to: 'engine',
    label: 'Your ORU^R01',
    carries: 'Your product’s output as a result (or an MDM^T02 document) for the engine to route to the EHR',
    standard: 'HL7 v2',
    transport: MLLP,
    reference: 'HL7 v2 ORU^R01 (or MDM^T02)',
  },

  // DICOM: the imaging workflow, directly between imaging systems.
  {
    id: 'worklist',
    from: 'modality',
    to: 'ris',
    label: 'Worklist C-FIND',
    carries:
      'Modality Worklist query: the scanner asks for scheduled exams and gets patient, accession number and procedure back',
    standard: 'DICOM',
    transport: DIMSE,
    reference: 'IHE RAD-5 Query Modality Worklist; DICOM Modality Worklist SOP Class',
  },
  {
    id: 'mpps',
    from: 'modality',
    to: 'ris',
    label: 'MPPS (RAD-6/7)',
    carries:
      'Modality Performed Procedure Step: N-CREATE when the exam starts, N-SET when it is completed or discontinued; often also sent to the PACS',
    standard: 'DICOM',
    transport: DIMSE,
    reference: 'IHE RAD-6 and RAD-7 Modality Procedure Step In Progress / Completed',
  },
  {
    id: 'images',
    from: 'modality',
    to: 'pacs',
    label: 'Images C-STORE',
    carries: 'The acquired images, one DICOM object per image',
    standard: 'DICOM',
    transport: DIMSE,
    reference: 'IHE RAD-8 Modality Images Stored',
  },
  {
    id: 'commitment',
    from: 'modality',
    to: 'pacs',
    label: 'Storage commit',
    carries:
      'Storage Commitment: the scanner asks the archive to take responsibility for the images (N-ACTION) and hears back (N-EVENT-REPORT), so it can safely delete its own copies',
    standard: 'DICOM',
    transport: DIMSE,
    reference: 'IHE RAD-10 Storage Commitment',
  },
  {
    id: 'query-retrieve',
    from: 'workstation',
    to: 'pacs',
    label: 'C-FIND + C-MOVE',
    carries: 'The viewer searches the archive for studies and retrieves their images',
    standard: 'DICOM',
    transport: DIMSE,
    reference: 'IHE RAD-14 Query Images, RAD-16 Retrieve Images',
  },
  {
    id: 'ai-studies',
    from: 'pacs',
    to: 'product',
    label: 'Studies C-STORE',
    carries: 'Studies forwarded to an imaging AI by a routing rule, often only the series it needs',
    standard: 'DICOM',
    transport: DIMSE,
    reference: 'DICOM Storage Service Class (C-STORE)',
  },
  {
    id: 'ai-results',
    from: 'product',
    to: 'pacs',
    label: 'Findings C-STORE',
    carries:
      'AI findings as new DICOM objects in the same study, such as a Structured Report or Secondary Capture, so they open next to the images',
    standard: 'DICOM',
    transport: DIMSE,
    reference: 'DICOM Storage Service Class (C-STORE)',
  },

  // FHIR: the EHR's API.
  {
    id: 'fhir-reads',
    from: 'product',
    to: 'fhir',
    label: 'GET reads',
    carries: 'RESTful reads and searches, such as GET [base]/Patient/[id] or GET [base]/Observation?patient=[id]',
    standard: 'FHIR',
    transport: 'HTTPS with JSON, with an OAuth 2.0 access token',
    reference: 'FHIR R4 RESTful API',
  },
  {
    id: 'fhir-writes',
    from: 'product',
    to: 'fhir',
    label: 'POST (if allowed)',
    carries:
      'Writes, such as creating an Observation or a DocumentReference, only where the hospital’s FHIR API supports and permits them',
    standard: 'FHIR',
    transport: 'HTTPS with JSON, with an OAuth 2.0 access token',
    reference: 'FHIR R4 RESTful API (create)',
  },

  // SMART on FHIR: launch and authorization.
  {
    id: 'smart-launch',
    from: 'ehr',
    to: 'product',
    label: 'SMART EHR launch',
    carries: 'The EHR opens your app’s registered launch URL with iss (its FHIR base URL) and an opaque launch handle',
    standard: 'SMART/OAuth',
    transport: 'The user’s browser, or a frame inside the EHR',
    reference: 'SMART App Launch: EHR launch',
  },
  {
    id: 'smart-token',
    from: 'product',
    to: 'fhir',
    label: 'OAuth 2.0 token',
    carries:
      'Discovery at [base]/.well-known/smart-configuration, an authorization code (with PKCE), then an access token scoped to the launch',
    standard: 'SMART/OAuth',
    transport: 'HTTPS: browser redirect to the EHR’s authorization server, then a token request',
    reference: 'SMART App Launch; OAuth 2.0 (RFC 6749); PKCE (RFC 7636)',
  },
];

export function nodeById(id: NodeId): EcoNode {
  const node = NODES.find((candidate) => candidate.id === id);
  if (!node) throw new Error(`Unknown node "${id}"`);
  return node;
}

/** The flows that use one standard, in map order; every flow for "all". */
export function flowsForStandard(standard: StandardFilter, flows: readonly Flow[] = FLOWS): Flow[] {
  return standard === 'all' ? [...flows] : flows.filter((flow) => flow.standard === standard);
}

/** Whether a flow is highlighted under a filter: every flow counts as shown for "all". */
export function isHighlighted(flow: Flow, standard: StandardFilter): boolean {
  return standard === 'all' || flow.standard === standard;
}

/** The systems that send or receive at least one of the given flows. */
export function nodesTouchedBy(flows: readonly Flow[]): Set<NodeId> {
  return new Set(flows.flatMap((flow) => [flow.from, flow.to]));
}

/** What the live region says after a choice, so screen-reader users hear what changed. */
export function filterStatus(standard: StandardFilter, flows: readonly Flow[] = FLOWS): string {
  if (standard === 'all') return `Showing all ${flows.length} flows.`;
  const count = flowsForStandard(standard, flows).length;
  const others = flows.length - count;
  return `Highlighting ${count} ${standard} ${count === 1 ? 'flow' : 'flows'}; the other ${others} are dimmed.`;
}

export type LabelPlacement = 'on' | 'above' | 'below';

export interface FlowGeometry {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Centre of the label and of the plate behind it. */
  labelX: number;
  labelY: number;
  /** Estimated size of the plate that keeps the label readable over lines. */
  labelWidth: number;
  labelHeight: number;
  /** The label's text, broken over two lines on arrows that run side by side down a column. */
  labelLines: string[];
  /** On the arrow, or beside a horizontal arrow (outside a bundle of parallel arrows). */
  placement: LabelPlacement;
}

/** Approximate advance widths, in ems, of a bold system sans-serif; generous on purpose. */
function charWidth(char: string): number {
  if (char === ' ') return 0.3;
  if ("ilI.,:;|!'’()[]/".includes(char)) return 0.34;
  if ('mwMW'.includes(char)) return 0.92;
  if (/[A-Z]/.test(char)) return 0.72;
  if (/[0-9]/.test(char)) return 0.6;
  if ('^+-'.includes(char)) return 0.6;
  return 0.58;
}

/** A label's plate width at LABEL_FONT_SIZE, with padding; text is measured as bold so it fits when highlighted. */
export function estimateLabelWidth(text: string): number {
  const ems = [...text].reduce((sum, char) => sum + charWidth(char), 0);
  return Math.round(ems * LABEL_FONT_SIZE + 10);
}

/** How far along the ray from (x, y) in direction (dx, dy) it leaves a box around the centre. */
function exitDistance(node: EcoNode, x: number, y: number, dx: number, dy: number, margin: number): number {
  const halfWidth = NODE_WIDTH / 2 + margin;
  const halfHeight = NODE_HEIGHT / 2 + margin;
  const tx = dx > 0 ? (node.x + halfWidth - x) / dx : dx < 0 ? (node.x - halfWidth - x) / dx : Infinity;
  const ty = dy > 0 ? (node.y + halfHeight - y) / dy : dy < 0 ? (node.y - halfHeight - y) / dy : Infinity;
  return Math.min(tx, ty);
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Breaks a label in two at the space nearest its middle; labels without a space stay whole. */
export function splitLabel(label: string): string[] {
  const spaces = [...label].flatMap((char, index) => (char === ' ' ? [index] : []));
  if (spaces.length === 0) return [label];
  const middle = label.length / 2;
  const at = spaces.reduce((best, index) => (Math.abs(index - middle) < Math.abs(best - middle) ? index : best));
  return [label.slice(0, at), label.slice(at + 1)];
}

/**
 * Straight arrows between box edges, and where their labels go. Arrows joining the same
 * two systems run side by side. Across a row, the outer arrows of a bundle carry their
 * labels above and below the bundle; other labels sit on their arrow on a plate, staggered
 * along the arrow when arrows run side by side down a column.
 */
export function layoutFlows(nodes: readonly EcoNode[] = NODES, flows: readonly Flow[] = FLOWS): FlowGeometry[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const pairKey = (flow: Flow) => [flow.from, flow.to].sort().join('|');
  const groups = new Map<string, Flow[]>();
  for (const flow of flows) groups.set(pairKey(flow), [...(groups.get(pairKey(flow)) ?? []), flow]);

  return flows.map((flow) => {
    const from = byId.get(flow.from);
    const to = byId.get(flow.to);
    if (!from || !to) throw new Error(`Flow "${flow.id}" joins a system that is not on the map`);
    const group = groups.get(pairKey(flow)) ?? [flow];
    const spread = group.indexOf(flow) - (group.length - 1) / 2;
    const acrossRow = Math.abs(to.y - from.y) <= Math.abs(to.x - from.x) * 0.3;
    const downColumn = Math.abs(to.x - from.x) <= Math.abs(to.y - from.y) * 0.3;

    // Offsets are measured against one fixed direction per pair, so arrows running
    // opposite ways between the same systems land on opposite sides.
    const [first, second] = flow.from < flow.to ? [from, to] : [to, from];
    const length = Math.hypot(second.x - first.x, second.y - first.y);
    const gap = downColumn ? PARALLEL_GAP_VERTICAL : PARALLEL_GAP;
    const offsetX = (-(second.y - first.y) / length) * spread * gap;
    const offsetY = ((second.x - first.x) / length) * spread * gap;

    // The arrow runs between two aim points (box centres, or anchors beside them), shifted
    // sideways when it shares the pair with other arrows, and is clipped at the box edges.
    const fromX = from.x + (flow.fromAnchor?.dx ?? 0) + offsetX;
    const fromY = from.y + (flow.fromAnchor?.dy ?? 0) + offsetY;
    const toX = to.x + (flow.toAnchor?.dx ?? 0) + offsetX;
    const toY = to.y + (flow.toAnchor?.dy ?? 0) + offsetY;
    const dx = toX - fromX;
    const dy = toY - fromY;
    const leave = exitDistance(from, fromX, fromY, dx, dy, 2);
    const arrive = exitDistance(to, toX, toY, -dx, -dy, 4);
    const x1 = fromX + dx * leave;
    const y1 = fromY + dy * leave;
    const x2 = toX - dx * arrive;
    const y2 = toY - dy * arrive;

    let placement: LabelPlacement = 'on';
    if (acrossRow && (group.length === 1 || Math.abs(offsetY) > 0.1)) placement = offsetY > 0.1 ? 'below' : 'above';
    // Side by side down a column, labels break in two so each plate covers only its own
    // arrow, and are staggered so the plates do not meet.
    const bundled = !acrossRow && group.length > 1;
    const labelLines = bundled ? splitLabel(flow.label) : [flow.label];
    const labelHeight = LABEL_HEIGHT + (labelLines.length - 1) * LABEL_LINE_GAP;
    const stagger = bundled ? spread * (flow.from < flow.to ? 0.4 : -0.4) : 0;
    const at = flow.labelAt ?? 0.5 + stagger;
    const shift = placement === 'above' ? -(labelHeight / 2 + 3) : placement === 'below' ? labelHeight / 2 + 3 : 0;
    return {
      id: flow.id,
      x1: round(x1),
      y1: round(y1),
      x2: round(x2),
      y2: round(y2),
      labelX: round(x1 + (x2 - x1) * at),
      labelY: round(y1 + (y2 - y1) * at + shift),
      labelWidth: Math.max(...labelLines.map(estimateLabelWidth)),
      labelHeight,
      labelLines,
      placement,
    };
  });
}
