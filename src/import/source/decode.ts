import { StringDecoder } from 'node:string_decoder';
import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import type { TextEncoding } from './encoding.js';

/** Text decoding state for one stream: UTF-8 natively, the others through iconv-lite. */
interface Decoder {
  write(chunk: Buffer): string;
  end(): string | undefined;
}

function decoderFor(encoding: TextEncoding): Decoder {
  if (encoding === 'utf8') return new StringDecoder('utf8');
  // BOMs are skipped by the caller, so iconv must not strip a second one.
  return iconv.getDecoder(encoding, { stripBOM: false });
}

/**
 * Decodes a byte stream to text and counts the bytes that went through (progress), in one
 * step. Windows-1258 writes Vietnamese tones as combining marks; cells are composed to NFC
 * later, one by one, so that a mark cut from its letter at a chunk boundary still joins it.
 */
export class CountingDecoder extends Transform {
  bytes = 0;
  private readonly decoder: Decoder;

  constructor(encoding: TextEncoding) {
    super({ readableObjectMode: false, decodeStrings: true, encoding: 'utf8' });
    this.decoder = decoderFor(encoding);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    const text = this.decoder.write(chunk);
    if (text) this.push(text, 'utf8');
    done();
  }

  override _flush(done: TransformCallback): void {
    const rest = this.decoder.end();
    if (rest) this.push(rest, 'utf8');
    done();
  }
}

/** Counts bytes without changing them (the XLSX reader decodes on its own). */
export class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/** Decodes a whole small buffer (the sample). */
export function decodeSample(bytes: Uint8Array, encoding: TextEncoding): string {
  const d = decoderFor(encoding);
  return d.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) + (d.end() ?? '');
}
