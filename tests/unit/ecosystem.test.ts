import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  estimateLabelWidth,
  filterStatus,
  FLOWS,
  flowsForStandard,
  isHighlighted,
  layoutFlows,
  NODE_HEIGHT,
  NODE_WIDTH,
  nodeById,
  NODES,
  nodesTouchedBy,
  splitLabel,
  STANDARDS,
  VIEWBOX,
  type Flow,
} from '../../src/lib/ecosystem.ts';

describe('ecosystem data', () => {
  it('has no duplicate node or flow ids', () => {
    assert.equal(new Set(NODES.map((node) => node.id)).size, NODES.length);
    assert.equal(new Set(FLOWS.map((flow) => flow.id)).size, FLOWS.length);
  });

  it('joins every flow to two different systems on the map', () => {
    const ids = new Set<string>(NODES.map((node) => node.id));
    for (const flow of FLOWS) {
      assert.ok(ids.has(flow.from), `${flow.id}: unknown sender ${flow.from}`);
      assert.ok(ids.has(flow.to), `${flow.id}: unknown receiver ${flow.to}`);
      assert.notEqual(flow.from, flow.to, `${flow.id} loops back to its own system`);
    }
  });

  it('gives every standard at least one flow and every flow a known standard', () => {
    for (const standard of STANDARDS) assert.ok(flowsForStandard(standard).length > 0, `${standard} has no flows`);
    for (const flow of FLOWS) assert.ok(STANDARDS.includes(flow.standard), `${flow.id}: ${flow.standard}`);
  });

  it('connects every system to at least one flow', () => {
    const touched = nodesTouchedBy(FLOWS);
    for (const node of NODES) assert.ok(touched.has(node.id), `${node.id} has no flows`);
  });

  it('fills in every text field of every flow', () => {
    for (const flow of FLOWS) {
      for (const key of ['label', 'carries', 'transport', 'reference'] as const) {
        assert.ok(flow[key].trim().length > 0, `${flow.id}.${key} is empty`);
      }
    }
  });

  it('keeps the boxes inside the figure without overlapping', () => {
    for (const node of NODES) {
      assert.ok(
        node.x - NODE_WIDTH / 2 >= 0 && node.x + NODE_WIDTH / 2 <= VIEWBOX.width,
        `${node.id} leaves the figure sideways`,
      );
      assert.ok(node.y - NODE_HEIGHT / 2 >= 0 && node.y + NODE_HEIGHT / 2 <= VIEWBOX.height, `${node.id} leaves the figure`);
    }
    for (const a of NODES) {
      for (const b of NODES) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) >= NODE_HEIGHT;
        assert.ok(apart, `${a.id} overlaps ${b.id}`);
      }
    }
  });

  it('names imaging messages as IHE Scheduled Workflow does', () => {
    const flow = (id: string) => FLOWS.find((candidate) => candidate.id === id)!;
    assert.match(flow('procedure-scheduled').label, /OMI\^O23/);
    assert.equal(flow('procedure-scheduled').from, 'ris');
    assert.match(flow('orders').carries, /ORM\^O01/);
    assert.match(flow('orders').carries, /OMG\^O19/);
    assert.equal(flow('worklist').from, 'modality');
    assert.equal(flow('images').to, 'pacs');
  });
});

describe('flowsForStandard', () => {
  it('returns only the flows of the chosen standard, in map order', () => {
    for (const standard of STANDARDS) {
      const chosen = flowsForStandard(standard);
      assert.ok(chosen.every((flow) => flow.standard === standard));
      assert.deepEqual(
        chosen.map((flow) => flow.id),
        FLOWS.filter((flow) => flow.standard === standard).map((flow) => flow.id),
      );
    }
  });

  it('returns every flow for "all", and the standards together cover every flow once', () => {
    assert.equal(flowsForStandard('all').length, FLOWS.length);
    const total = STANDARDS.reduce((sum, standard) => sum + flowsForStandard(standard).length, 0);
    assert.equal(total, FLOWS.length);
  });

  it('works on any list of flows and returns a copy', () => {
    const flows: Flow[] = [
      { id: 'a', from: 'ehr', to: 'engine', label: 'A', carries: 'a', standard: 'HL7 v2', transport: 't', reference: 'r' },
      { id: 'b', from: 'product', to: 'fhir', label: 'B', carries: 'b', standard: 'FHIR', transport: 't', reference: 'r' },
    ];
    assert.deepEqual(
      flowsForStandard('FHIR', flows).map((flow) => flow.id),
      ['b'],
    );
    assert.deepEqual(flowsForStandard('DICOM', flows), []);
    const all = flowsForStandard('all', flows);
    all.pop();
    assert.equal(flows.length, 2);
  });
});

describe('isHighlighted and filterStatus', () => {
  it('highlights everything for "all" and only matching flows otherwise', () => {
    const dicom = FLOWS.find((flow) => flow.standard === 'DICOM')!;
    assert.equal(isHighlighted(dicom, 'all'), true);
    assert.equal(isHighlighted(dicom, 'DICOM'), true);
    assert.equal(isHighlighted(dicom, 'FHIR'), false);
  });

  it('says how many flows are highlighted and dimmed', () => {
    assert.equal(filterStatus('all'), `Showing all ${FLOWS.length} flows.`);
    const fhir = flowsForStandard('FHIR').length;
    assert.equal(filterStatus('FHIR'), `Highlighting ${fhir} FHIR flows; the other ${FLOWS.length - fhir} are dimmed.`);
  });

  it('uses the singular for one flow', () => {
    const one: Flow[] = [
      { id: 'x', from: 'ehr', to: 'product', label: 'X', carries: 'x', standard: 'SMART/OAuth', transport: 't', reference: 'r' },
    ];
    assert.equal(filterStatus('SMART/OAuth', one), 'Highlighting 1 SMART/OAuth flow; the other 0 are dimmed.');
  });
});

describe('layoutFlows', () => {
  const geometry = layoutFlows();
  const inside = (x: number, y: number, id: string) => {
    const node = nodeById(id as never);
    return Math.abs(x - node.x) <= NODE_WIDTH / 2 + 0.5 && Math.abs(y - node.y) <= NODE_HEIGHT / 2 + 0.5;
  };

  it('draws one arrow per flow, starting and ending just outside the boxes', () => {
    assert.equal(geometry.length, FLOWS.length);
    for (const flow of FLOWS) {
      const line = geometry.find((candidate) => candidate.id === flow.id)!;
      assert.ok(!inside(line.x1, line.y1, flow.from), `${flow.id} starts inside ${flow.from}`);
      assert.ok(!inside(line.x2, line.y2, flow.to), `${flow.id} ends inside ${flow.to}`);
      const fromNode = nodeById(flow.from);
      const toNode = nodeById(flow.to);
      assert.ok(Math.hypot(line.x1 - fromNode.x, line.y1 - fromNode.y) < Math.hypot(line.x1 - toNode.x, line.y1 - toNode.y));
    }
  });

  it('keeps arrows between the same systems apart', () => {
    const pairs = new Map<string, string[]>();
    for (const flow of FLOWS) {
      const key = [flow.from, flow.to].sort().join('|');
      pairs.set(key, [...(pairs.get(key) ?? []), flow.id]);
    }
    for (const ids of pairs.values()) {
      const lines = ids.map((id) => geometry.find((line) => line.id === id)!);
      for (let i = 0; i < lines.length; i++) {
        for (let j = i + 1; j < lines.length; j++) {
          const a = lines[i]!;
          const b = lines[j]!;
          const midA = [(a.x1 + a.x2) / 2, (a.y1 + a.y2) / 2] as const;
          const midB = [(b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2] as const;
          assert.ok(Math.hypot(midA[0] - midB[0], midA[1] - midB[1]) >= 20, `${a.id} and ${b.id} overlap`);
        }
      }
    }
  });

  type Box = { left: number; right: number; top: number; bottom: number };
  const labelBox = (line: (typeof geometry)[number]): Box => ({
    left: line.labelX - line.labelWidth / 2,
    right: line.labelX + line.labelWidth / 2,
    top: line.labelY - line.labelHeight / 2,
    bottom: line.labelY + line.labelHeight / 2,
  });
  const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  it('keeps labels clear of each other and of the boxes', () => {
    for (let i = 0; i < geometry.length; i++) {
      for (let j = i + 1; j < geometry.length; j++) {
        assert.ok(
          !overlaps(labelBox(geometry[i]!), labelBox(geometry[j]!)),
          `labels of ${geometry[i]!.id} and ${geometry[j]!.id} collide`,
        );
      }
      for (const node of NODES) {
        const box = {
          left: node.x - NODE_WIDTH / 2,
          right: node.x + NODE_WIDTH / 2,
          top: node.y - NODE_HEIGHT / 2,
          bottom: node.y + NODE_HEIGHT / 2,
        };
        assert.ok(!overlaps(labelBox(geometry[i]!), box), `label of ${geometry[i]!.id} covers ${node.id}`);
      }
    }
  });

  it('puts labels of bundled arrows across a row above and below the bundle', () => {
    const ehrToEngine = geometry.find((line) => line.id === 'orders')!;
    const engineToEhr = geometry.find((line) => line.id === 'results-to-ehr')!;
    const labels = [ehrToEngine, engineToEhr].sort((a, b) => a.labelY - b.labelY);
    assert.deepEqual(
      labels.map((line) => line.placement),
      ['above', 'below'],
    );
    assert.ok(labels[0]!.labelY < Math.min(labels[0]!.y1, labels[0]!.y2));
    assert.ok(labels[1]!.labelY > Math.max(labels[1]!.y1, labels[1]!.y2));
  });

  it('keeps each label plate off the other arrows of its bundle', () => {
    const pairs = new Map<string, string[]>();
    for (const flow of FLOWS) {
      const key = [flow.from, flow.to].sort().join('|');
      pairs.set(key, [...(pairs.get(key) ?? []), flow.id]);
    }
    for (const ids of pairs.values()) {
      for (const id of ids) {
        const line = geometry.find((candidate) => candidate.id === id)!;
        const box = labelBox(line);
        for (const otherId of ids.filter((other) => other !== id)) {
          const other = geometry.find((candidate) => candidate.id === otherId)!;
          // Sample the other arrow and check no point falls inside this label's plate.
          for (let t = 0; t <= 1; t += 0.02) {
            const x = other.x1 + (other.x2 - other.x1) * t;
            const y = other.y1 + (other.y2 - other.y1) * t;
            const inside = x > box.left && x < box.right && y > box.top && y < box.bottom;
            assert.ok(!inside, `the label of ${id} covers the arrow ${otherId}`);
          }
        }
      }
    }
  });

  it('breaks labels in two at the space nearest the middle', () => {
    assert.deepEqual(splitLabel('ADT + OML^O21'), ['ADT +', 'OML^O21']);
    assert.deepEqual(splitLabel('Results ORU^R01'), ['Results', 'ORU^R01']);
    assert.deepEqual(splitLabel('Orders'), ['Orders']);
  });

  it('estimates wider plates for longer and bolder text', () => {
    assert.ok(estimateLabelWidth('AI results C-STORE') > estimateLabelWidth('Orders'));
    assert.ok(estimateLabelWidth('MMMM') > estimateLabelWidth('iiii'));
  });

  it('puts every label inside the figure', () => {
    for (const line of geometry) {
      const box = labelBox(line);
      assert.ok(box.left >= 0 && box.right <= VIEWBOX.width && box.top >= 0 && box.bottom <= VIEWBOX.height, line.id);
    }
  });
});
