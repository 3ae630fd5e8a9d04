import { parseMessage } from '../../lib/hl7v2/parse';
import { unpackResult, type PackedResult } from '../../lib/hl7v2/transfer';
import type { ParseResult } from '../../lib/hl7v2/types';

export interface ParseRequest {
  id: number;
  text: string;
}
/** What the worker posts back: the result packed for a cheap copy. */
export interface WorkerResponse {
  id: number;
  packed: PackedResult;
  ms: number;
}
export interface ParseResponse {
  id: number;
  result: ParseResult;
  /** Time spent parsing, in ms. */
  ms: number;
}

/**
 * Parses in a module Web Worker; where a worker cannot start (an old browser, a blocked
 * script), parses on the main thread instead. Only the newest request is answered.
 */
export class Parser {
  private worker: Worker | null = null;
  private latest = 0;
  private failed = false;
  private lastText = '';

  constructor(private readonly onResult: (response: ParseResponse & { offThread: boolean }) => void) {}

  parse(text: string): void {
    const id = ++this.latest;
    this.lastText = text;
    const worker = this.ensureWorker();
    if (worker) {
      worker.postMessage({ id, text } satisfies ParseRequest);
      return;
    }
    this.parseHere(id, text);
  }

  private parseHere(id: number, text: string): void {
    const start = performance.now();
    const result = parseMessage(text);
    this.onResult({ id, result, ms: performance.now() - start, offThread: false });
  }

  /** Whether a newer request has been made since this response's. */
  isStale(id: number): boolean {
    return id !== this.latest;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    try {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
        const { id, packed, ms } = event.data;
        if (!this.isStale(id)) this.onResult({ id, ms, result: unpackResult(packed), offThread: true });
      };
      worker.onerror = () => {
        // The worker could not load: parse the latest request here from now on.
        this.failed = true;
        this.worker?.terminate();
        this.worker = null;
        this.parseHere(this.latest, this.lastText);
      };
      this.worker = worker;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }
}
