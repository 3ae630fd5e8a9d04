// Parses pasted messages off the main thread, so a megabyte of HL7 does not stall typing.
import { parseMessage } from '../../lib/hl7v2/parse';
import { packResult } from '../../lib/hl7v2/transfer';
import type { ParseRequest, WorkerResponse } from './parse-client';

self.onmessage = (event: MessageEvent<ParseRequest>) => {
  const start = performance.now();
  const result = parseMessage(event.data.text);
  const response: WorkerResponse = { id: event.data.id, packed: packResult(result), ms: performance.now() - start };
  self.postMessage(response);
};
