import { ImportError, type ImportErrorCode, type ImportErrorDetail } from '../errors.js';
import { startWorker } from '../ts-worker.js';
import { readDossierFile, type ReaderEvent, type ReaderInit } from './read-file.js';

/** The reading side as the writer sees it: events in order, and a way to take the next. */
export interface DossierReader extends AsyncIterable<ReaderEvent> {
  /** Tells the reader a batch was written, so it may send another. */
  ack(): void;
  /** Stops reading early (after a failure on the writing side). */
  stop(): Promise<void>;
}

type WorkerMessage =
  | ReaderEvent
  | { type: 'end' }
  | { type: 'fatal'; code: ImportErrorCode; detail: ImportErrorDetail }
  | { type: 'crash'; message: string };

/** Reads in this thread (tests, small files). */
export function inlineReader(init: ReaderInit): DossierReader {
  const gen = readDossierFile(init);
  return {
    [Symbol.asyncIterator]: () => gen,
    ack: () => undefined,
    stop: async () => {
      await gen.return(undefined);
    },
  };
}

/** Reads in a worker thread, so parsing and writing use both cores. */
export function workerReader(init: ReaderInit): DossierReader {
  const worker = startWorker(new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url), {
    workerData: init,
    // The reading side needs little heap (a batch and the codes seen); a cap keeps V8 from
    // growing it far beyond that while parsing churns through short-lived strings.
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 32 },
  });
  const queue: WorkerMessage[] = [];
  let notify: (() => void) | null = null;
  let failure: Error | null = null;
  let exited = false;
  const wakeUp = () => {
    notify?.();
    notify = null;
  };
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    wakeUp();
  });
  worker.on('error', (err) => {
    failure = err;
    wakeUp();
  });
  worker.on('exit', () => {
    exited = true;
    wakeUp();
  });

  async function* events(): AsyncGenerator<ReaderEvent> {
    for (;;) {
      const m = queue.shift();
      if (!m) {
        if (failure) throw new ImportError('read_failed', { cause: failure.message });
        if (exited) throw new ImportError('read_failed', { cause: 'reader stopped' });
        await new Promise<void>((r) => (notify = r));
        continue;
      }
      if (m.type === 'end') return;
      if (m.type === 'fatal') throw new ImportError(m.code, m.detail);
      if (m.type === 'crash') throw new ImportError('read_failed', { cause: m.message });
      yield m;
    }
  }

  return {
    [Symbol.asyncIterator]: events,
    ack: () => worker.postMessage('ack'),
    stop: async () => {
      if (!exited) await worker.terminate();
    },
  };
}
