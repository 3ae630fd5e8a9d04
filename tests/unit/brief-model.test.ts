import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BRIEF_FIELDS, BRIEF_SECTIONS, fieldById } from '../../src/lib/brief/fields.ts';
import {
  answerOf,
  briefTitle,
  completeness,
  createBrief,
  duplicateBrief,
  mergeBriefs,
  normaliseText,
  sameAnswers,
  setAnswer,
  vagueAnswers,
} from '../../src/lib/brief/model.ts';

describe('the brief definition', () => {
  it('has seven sections whose time boxes add up to 30 minutes', () => {
    assert.equal(BRIEF_SECTIONS.length, 7);
    assert.equal(
      BRIEF_SECTIONS.reduce((sum, section) => sum + section.minutes, 0),
      30,
    );
    assert.deepEqual(
      BRIEF_SECTIONS.map((section) => section.minutes),
      [3, 5, 7, 4, 4, 5, 2],
    );
  });

  it('keeps the exact field labels, each once', () => {
    assert.deepEqual(
      BRIEF_FIELDS.map((field) => field.label),
      [
        'Brief title', 'Customer or site', 'Clinical workflow', 'Direction',
        'Source system', 'Target system', 'Customer-side owner', 'Our owner', 'Interface engine',
        'Standard and version', 'Message or resource types', 'Implementation guide or profile', 'Data fields', 'Code systems',
        'Trigger and timing', 'Expected volume', 'Latency target',
        'Transport', 'Authentication method', 'Privacy and consent', 'Data location',
        'Test environment', 'Error handling', 'Monitoring', 'Uptime expectation', 'Support contact',
        'Open questions and risks',
      ],
    );
    assert.equal(new Set(BRIEF_FIELDS.map((field) => field.id)).size, BRIEF_FIELDS.length);
  });

  it('gives every field help text and an example, and Direction its three options', () => {
    for (const field of BRIEF_FIELDS) {
      assert.ok(field.help.length > 20, field.id);
      assert.ok(field.example.length > 3, field.id);
    }
    assert.deepEqual(
      fieldById('direction')?.options?.map((option) => option.label),
      ['Inbound to us', 'Outbound from us', 'Both ways'],
    );
    assert.ok(fieldById('standard')?.suggestions?.includes('HL7 v2.5.1'));
  });
});

describe('brief model', () => {
  it('normalises line endings and drops control characters, keeping tabs and newlines', () => {
    assert.equal(normaliseText('a\r\nb\rc\u0000d\te\u0007'), 'a\nb\ncd\te');
  });

  it('records when each answer changed and ignores unknown fields', () => {
    let brief = createBrief('b1', 1000, { title: 'ADT feed', nonsense: 'x' });
    assert.equal(answerOf(brief, 'title'), 'ADT feed');
    assert.equal(brief.answers['nonsense'], undefined);
    brief = setAnswer(brief, 'customer', 'Site A', 2000);
    assert.equal(brief.answers['customer']?.at, 2000);
    assert.equal(brief.answers['title']?.at, 1000);
    assert.equal(brief.updatedAt, 2000);
    assert.equal(setAnswer(brief, 'customer', 'Site A', 3000), brief, 'an unchanged answer is not a change');
  });

  it('names untitled briefs and copies', () => {
    assert.equal(briefTitle(createBrief('b', 0)), 'Untitled brief');
    const copy = duplicateBrief(createBrief('b', 0, { title: 'Orders', customer: 'X' }), 'c', 5);
    assert.equal(copy.id, 'c');
    assert.equal(briefTitle(copy), 'Orders (copy)');
    assert.equal(answerOf(copy, 'customer'), 'X');
  });

  it('tells briefs with the same answers apart from briefs with different ones, whatever their ids and times', () => {
    const empty = createBrief('a', 0);
    assert.equal(sameAnswers(empty, createBrief('b', 99)), true);
    const orders = createBrief('c', 0, { title: 'Orders', customer: 'X' });
    assert.equal(sameAnswers(orders, createBrief('d', 7, { customer: 'X', title: 'Orders' })), true);
    assert.equal(sameAnswers(orders, setAnswer(orders, 'customer', 'Y', 1)), false);
    assert.equal(sameAnswers(empty, setAnswer(empty, 'title', 'T', 1)), false);
  });

  it('merges two tabs field by field, keeping the newer text of each', () => {
    const base = createBrief('b', 0, { title: 'T', customer: 'old' });
    const tabA = setAnswer(base, 'customer', 'typed in A', 10);
    const tabB = setAnswer(setAnswer(base, 'workflow', 'typed in B', 12), 'title', 'T2', 5);
    const merged = mergeBriefs(tabA, tabB);
    assert.equal(answerOf(merged, 'customer'), 'typed in A');
    assert.equal(answerOf(merged, 'workflow'), 'typed in B');
    assert.equal(answerOf(merged, 'title'), 'T2');
    assert.deepEqual(mergeBriefs(tabB, tabA).answers, merged.answers);
  });

  it('counts completeness per section and overall', () => {
    const empty = completeness(createBrief('b', 0));
    assert.equal(empty.answered, 0);
    assert.equal(empty.total, BRIEF_FIELDS.length);
    assert.equal(empty.percent, 0);
    const some = completeness(createBrief('b', 0, { title: 'T', customer: '  ', direction: 'both', transport: 'MLLP over VPN' }));
    assert.equal(some.answered, 3, 'whitespace is not an answer');
    assert.deepEqual(some.sections[0], { section: BRIEF_SECTIONS[0], answered: 2, total: 4 });
    assert.equal(completeness(createBrief('b', 0, { direction: 'sideways' })).answered, 0, 'an unknown choice is not an answer');
    const all = Object.fromEntries(BRIEF_FIELDS.map((field) => [field.id, field.kind === 'choice' ? 'inbound' : 'x']));
    assert.equal(completeness(createBrief('b', 0, all)).percent, 100);
  });

  it('calls out vague answers and empty owners', () => {
    const brief = createBrief('b', 0, {
      sourceSystem: 'the EHR',
      standard: 'HL7',
      latency: 'real-time',
      customerOwner: 'IT',
      testEnvironment: 'TBD',
      targetSystem: 'RemoteCare results listener v2',
    });
    const vague = Object.fromEntries(vagueAnswers(brief).map((item) => [item.field.id, item.reason]));
    assert.match(vague['sourceSystem'] ?? '', /no specific system/);
    assert.match(vague['standard'] ?? '', /no version/);
    assert.match(vague['latency'] ?? '', /measurable/);
    assert.match(vague['customerOwner'] ?? '', /no person/);
    assert.match(vague['testEnvironment'] ?? '', /placeholder/);
    assert.match(vague['ourOwner'] ?? '', /empty/);
    assert.match(vague['supportContact'] ?? '', /empty/);
    assert.equal(vague['targetSystem'], undefined);
    assert.equal(vague['workflow'], undefined, 'an empty non-owner field is incomplete, not vague');
  });
});
