import { useStore } from '@nanostores/preact';
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import {
  bandwidthFormula,
  calculate,
  compressionLabel,
  formatMb,
  formatMbit,
  formatSize,
  RESULTS_HEADING_ID,
  resultsMarkdown,
  type SizingInput,
  type SizingResult,
} from '../../lib/imaging-sizing';
import { formatNumber } from '../../lib/number-format';
import { $sizingErrorsShown, $sizingInput, DEFAULT_SIZING_INPUT, differsFromDefaults } from '../../stores/imaging-sizing';
import { HydrateWhenIdle } from '../shared/HydrateWhenIdle';
import { MarkdownExport } from '../shared/MarkdownExport';
import { pure } from '../shared/pure';
import { isoDate } from '../worksheet/download';

/** The summary, storage table and its formula for one result. */
const StorageDetails = pure(function StorageDetails({ result }: { result: SizingResult }) {
  const compressed = result.compression !== 'none';
  return (
    <>
    <p>
      {formatNumber(result.studiesPerDay, 2)} studies a day, {result.daysPerYear} days a year, kept for{' '}
      {result.retentionYears} {result.retentionYears === 1 ? 'year' : 'years'}; compression: {compressionLabel(result)}.
    </p>
    <h3>Storage</h3>
    <div class="table-scroll" role="region" aria-label="Storage needed" tabIndex={0}>
      <table class="calc-table" id="storage-table">
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Uncompressed</th>
            {compressed && <th scope="col">Compressed ({formatNumber(result.ratio, 2)}:1)</th>}
          </tr>
        </thead>
        <tbody>
          {(
            [
              ['Per day', result.dailyMb, result.dailyMbCompressed],
              ['Per year', result.yearlyMb, result.yearlyMbCompressed],
              [`Over ${result.retentionYears} ${result.retentionYears === 1 ? 'year' : 'years'}`, result.retentionMb, result.retentionMbCompressed],
            ] as const
          ).map(([label, plain, packed]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                <strong>{formatSize(plain)}</strong>
                <span class="exact"> {formatMb(plain)}</span>
              </td>
              {compressed && (
                <td>
                  <strong>{formatSize(packed)}</strong>
                  <span class="exact"> {formatMb(packed)}</span>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <p class="formula">
      Per day = Σ studies per day × average study size. Per year = per day × {result.daysPerYear}. Over the retention period = per year ×{' '}
      {result.retentionYears}.{compressed && ` Compressed = uncompressed ÷ ${formatNumber(result.ratio, 2)}.`}{' '}
      Add copies (a second site for disaster recovery doubles it) and growth.
    </p>
    </>
  );
});

/** The bandwidth table and its formula for one result. */
const BandwidthDetails = pure(function BandwidthDetails({ result }: { result: SizingResult }) {
  const compressed = result.compression !== 'none';
  const largest = result.rows.reduce((best, row) => (row.studySizeMb > best.studySizeMb ? row : best), result.rows[0]!);
  return (
    <>
    <h3>
      Bandwidth to move one study and {result.priorsPerStudy} {result.priorsPerStudy === 1 ? 'prior' : 'priors'} within{' '}
      {formatNumber(result.targetSeconds, 2)} seconds
    </h3>
    <div class="table-scroll" role="region" aria-label="Bandwidth per modality" tabIndex={0}>
      <table class="calc-table" id="bandwidth-table">
        <thead>
          <tr>
            <th scope="col">Modality</th>
            <th scope="col">Data moved</th>
            <th scope="col">Uncompressed</th>
            {compressed && <th scope="col">Compressed</th>}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              <td>{formatMb(row.transferMb)}</td>
              <td>{formatMbit(row.mbitPerSecond)}</td>
              {compressed && <td>{formatMbit(row.mbitPerSecondCompressed)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <p class="formula">
      Mbit/s = study size in MB × (1 + priors) × 8 bits per byte ÷ target seconds{compressed && ' ÷ compression ratio'}. For {largest.name}:{' '}
      <code>{bandwidthFormula(result, largest)}</code>. This is the sustained rate for one study at a time: protocol overhead, several readers
      opening studies at once and backups all need headroom on top.
    </p>
    </>
  );
});

/**
 * The calculator's results: an island nested in the form's, so that each hydrates in a short
 * task of its own, and its two tables later still, each in one more. Both islands follow the
 * input through the store.
 */
export default function SizingResults() {
  const stored = useStore($sizingInput);
  const showErrors = useStore($sizingErrorsShown);
  // The first render matches the server's markup (the defaults); the saved input follows in the same task.
  const [ready, setReady] = useState(false);
  const [savedInputShown, setSavedInputShown] = useState(false);
  useLayoutEffect(() => {
    const saved = $sizingInput.get();
    setReady(true);
    setSavedInputShown(differsFromDefaults(saved));
  }, []);

  const input: SizingInput = ready ? stored : DEFAULT_SIZING_INPUT;
  // The same result while the input is unchanged, so the ready render leaves the tables alone.
  const outcome = useMemo(() => calculate(input), [input]);
  const result = outcome.ok ? outcome.result : null;

  // With saved input, the key swaps the server-rendered tree (the defaults) for a fresh one: Preact
  // does not patch text while hydrating, so text nodes that the HTML merged would keep stale copies.
  return (
    <section class="calc-results" aria-labelledby={RESULTS_HEADING_ID} key={savedInputShown ? 'saved' : 'server'}>
      <h2 id={RESULTS_HEADING_ID} tabIndex={-1}>
        Results
      </h2>
      {result === null || result.rows.length === 0 ? (
        <p class="results-waiting">
          {showErrors
            ? 'There are no results until every input is valid: see the problems listed above.'
            : 'There are no results until every input is valid. Select Calculate to see what needs fixing.'}
        </p>
      ) : (
        <>
          <HydrateWhenIdle>
            <StorageDetails result={result} />
          </HydrateWhenIdle>
          <HydrateWhenIdle>
            <BandwidthDetails result={result} />
          </HydrateWhenIdle>
          <h3>Share the results</h3>
          <MarkdownExport
            markdown={() => resultsMarkdown(result)}
            fileName={`imaging-sizing-${isoDate()}.md`}
            what="the results"
            disabled={!ready}
          />
        </>
      )}
    </section>
  );
}
