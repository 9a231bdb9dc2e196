import { IMPORT_TEXT as T } from '../text/messages.js';
import type { ImportKind } from '../data/imports.js';

/** The kinds of file the CLI imports. */
const CLI_KINDS = ['units', 'old-units', 'dossiers', 'figures', 'holidays', 'departments'] as const;
export type CliKind = (typeof CLI_KINDS)[number] & ImportKind;

export interface CliArgs {
  kind: CliKind;
  file: string;
  province: string | null;
  batchSize: number | null;
  maxBytes: number | null;
  json: boolean;
  progress: boolean;
  /** Where the rejected rows go; null for beside the input. */
  rejectedCsv: string | null;
}

/** "8GB", "500 MB", "2g", "1048576" → bytes; null when unreadable. */
export function parseSize(text: string): number | null {
  const m = /^(\d+(?:[.,]\d+)?)\s*([kmgt]?)(i?b)?$/i.exec(text.trim());
  if (!m) return null;
  const power = { '': 0, k: 1, m: 2, g: 3, t: 4 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return Math.round(Number(m[1]!.replace(',', '.')) * 1024 ** power);
}

/** Reads `<kind> <file> [options]`; an error text (Vietnamese) when the line is wrong. */
export function parseCliArgs(argv: readonly string[]): CliArgs | { error: string } {
  const positional: string[] = [];
  const out = {
    province: null as string | null,
    batchSize: null as number | null,
    maxBytes: null as number | null,
    json: false,
    progress: true,
    rejectedCsv: null as string | null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => argv[++i] ?? '';
    switch (a) {
      case '--tinh':
      case '--province':
        out.province = value() || null;
        break;
      case '--lo':
      case '--batch': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1 || n > 1_000_000) return { error: T.usageBadOption(a) };
        out.batchSize = n;
        break;
      }
      case '--max-size': {
        const n = parseSize(value());
        if (n === null || n <= 0) return { error: T.usageBadOption(a) };
        out.maxBytes = n;
        break;
      }
      case '--bao-cao':
      case '--rejected': {
        const v = value();
        if (!v || v.startsWith('--')) return { error: T.usageBadOption(a) };
        out.rejectedCsv = v;
        break;
      }
      case '--json':
        out.json = true;
        break;
      case '--khong-tien-do':
      case '--no-progress':
        out.progress = false;
        break;
      default:
        if (a.startsWith('--')) return { error: T.usageBadOption(a) };
        positional.push(a);
    }
  }
  const [kind, file] = positional;
  if (!kind) return { error: T.usageMissingFile };
  if (!(CLI_KINDS as readonly string[]).includes(kind)) return { error: T.usageUnknownKind(kind) };
  if (!file) return { error: T.usageMissingFile };
  return { kind: kind as CliKind, file, ...out };
}
