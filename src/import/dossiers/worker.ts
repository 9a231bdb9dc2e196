/**
 * The reading thread of a CLI dossier import: decodes, parses and validates the file while
 * the main thread writes the previous batch. At most two batches wait unwritten, so memory
 * stays bounded whatever the file size.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isImportError } from '../errors.js';
import { transferables } from './packed.js';
import { readDossierFile, type ReaderInit } from './read-file.js';

const port = parentPort!;
const MAX_IN_FLIGHT = 2;
let credit = MAX_IN_FLIGHT;
let stopped = false;
let wake: (() => void) | null = null;

port.on('message', (m: unknown) => {
  if (m === 'ack') credit++;
  else if (m === 'stop') stopped = true;
  wake?.();
  wake = null;
});

async function run(): Promise<void> {
  try {
    for await (const ev of readDossierFile(workerData as ReaderInit)) {
      if (ev.type === 'batch') {
        while (credit <= 0 && !stopped) await new Promise<void>((r) => (wake = r));
        if (stopped) break;
        credit--;
        port.postMessage(ev, transferables(ev.batch.packed));
      } else {
        port.postMessage(ev);
      }
      if (stopped) break;
    }
    port.postMessage({ type: 'end' });
  } catch (err) {
    if (isImportError(err)) port.postMessage({ type: 'fatal', code: err.code, detail: err.detail });
    else port.postMessage({ type: 'crash', message: String((err as Error)?.message ?? err).slice(0, 300) });
  } finally {
    port.close();
  }
}

void run();
