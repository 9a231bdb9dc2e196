import { ImportError } from '../errors.js';
import type { ByteSource } from './byte-source.js';
import { openCsvTable } from './csv-table.js';
import { guessEncoding, SAMPLE_BYTES } from './encoding.js';
import type { Table } from './table.js';

/** Size limits; a file above them is refused before it is read. */
export interface SizeLimits {
  /** CSV and other text: streamed, so the limit only guards against a wrong file. */
  maxTextBytes: number;
  /** XLSX: a sheet holds at most 1,048,576 rows, far below this once zipped. */
  maxXlsxBytes: number;
}

export const DEFAULT_LIMITS: SizeLimits = { maxTextBytes: 2 * 1024 ** 3, maxXlsxBytes: 256 * 1024 ** 2 };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Buffer, magic: number[]) => magic.every((x, i) => b[i] === x);

/**
 * Opens a table whatever it is: XLSX by its zip signature, the old binary .xls refused with
 * advice, text as CSV in whichever encoding it uses. The content decides, not the file
 * name's extension (exports are often renamed).
 */
export async function openTable(src: ByteSource, limits: SizeLimits = DEFAULT_LIMITS): Promise<Table> {
  const sample = await src.sample(SAMPLE_BYTES);
  if (sample.length === 0) throw new ImportError('empty_file');
  if (startsWith(sample, ZIP_MAGIC)) {
    if (src.size !== null && src.size > limits.maxXlsxBytes) {
      throw new ImportError('too_large', { size: src.size, limit: limits.maxXlsxBytes });
    }
    // exceljs is large; CSV imports never load it.
    const { openXlsxTable } = await import('./xlsx-table.js');
    return openXlsxTable(src);
  }
  if (startsWith(sample, OLE2_MAGIC)) throw new ImportError('old_excel');
  if (src.size !== null && src.size > limits.maxTextBytes) {
    throw new ImportError('too_large', { size: src.size, limit: limits.maxTextBytes });
  }
  const guess = guessEncoding(sample);
  if (guess.kind === 'empty') throw new ImportError('empty_file');
  if (guess.kind === 'binary') throw new ImportError('binary_file');
  if (sample.length <= guess.bomLength || decodeIsBlank(sample.subarray(guess.bomLength))) throw new ImportError('empty_file');
  return openCsvTable(src, guess.encoding, guess.bomLength, sample);
}

function decodeIsBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0) return false;
  return true;
}
