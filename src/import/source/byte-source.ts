import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { ImportError } from '../errors.js';

/**
 * Where the bytes of a table come from: a file, or (in tests and the HTTP endpoint) any
 * stream. Readers take a sample first (encoding, delimiter, format) and then stream the
 * whole content once, so nothing but the sample is ever held in memory.
 */
export interface ByteSource {
  /** The file name shown in reports ("ho-so-thang-7.csv"). */
  readonly name: string;
  /** Total size in bytes, when known (progress, size guard). */
  readonly size: number | null;
  /** A path on disk, when there is one (XLSX needs random access at its end). */
  readonly path: string | null;
  /** Up to `n` bytes from the start. */
  sample(n: number): Promise<Buffer>;
  /** Up to `n` bytes from the end (the XLSX directory check). */
  tail(n: number): Promise<Buffer>;
  /** The content from byte `start` on. */
  stream(start: number): Readable;
}

/** A file on disk; throws ImportError when it does not exist or is not a regular file. */
export function fileSource(path: string): ByteSource {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new ImportError('not_a_file');
    size = st.size;
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError('file_missing');
  }
  const readAt = (position: number, n: number): Buffer => {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(Math.max(0, Math.min(n, size - position)));
      const got = readSync(fd, buf, 0, buf.length, position);
      return buf.subarray(0, got);
    } finally {
      closeSync(fd);
    }
  };
  return {
    name: basename(path),
    size,
    path,
    sample: async (n) => readAt(0, n),
    tail: async (n) => readAt(Math.max(0, size - n), n),
    stream: (start) => createReadStream(path, { start, highWaterMark: 256 * 1024 }),
  };
}

/** Bytes already in memory (HTTP bodies, small test files). */
export function bufferSource(name: string, bytes: Buffer): ByteSource {
  return {
    name,
    size: bytes.length,
    path: null,
    sample: async (n) => bytes.subarray(0, n),
    tail: async (n) => bytes.subarray(Math.max(0, bytes.length - n)),
    stream: (start) => Readable.from([bytes.subarray(start)]),
  };
}
