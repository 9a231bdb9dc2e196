/**
 * Why a whole import stopped, or never started. Row-level problems are not errors but
 * rejections (./rejections.ts); these codes are for the file as a whole. The CLI and the
 * HTTP endpoint choose the Vietnamese sentence from the code (src/text/messages.ts).
 */
export type ImportErrorCode =
  | 'file_missing'
  | 'not_a_file'
  | 'empty_file'
  | 'no_rows'
  | 'binary_file'
  | 'old_excel'
  | 'too_large'
  | 'xlsx_truncated'
  | 'xlsx_unreadable'
  | 'xlsx_no_sheet'
  | 'csv_malformed'
  | 'missing_columns'
  | 'no_units'
  | 'unknown_province'
  | 'read_failed';

/** Facts that the message for a code may quote (column names, sizes, line numbers). */
export interface ImportErrorDetail {
  line?: number;
  columns?: string[];
  size?: number;
  limit?: number;
  singleColumn?: boolean;
  /** The province asked for (--tinh, DEFAULT_PROVINCE) that the store does not have, and a few it has. */
  province?: string;
  provinces?: string[];
  cause?: string;
}

/** A whole-file failure with a machine code; never carries a row's values. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly detail: ImportErrorDetail = {},
  ) {
    super(`import failed: ${code}${detail.line ? ` at line ${detail.line}` : ''}`);
    this.name = 'ImportError';
  }
}

export function isImportError(err: unknown): err is ImportError {
  return err instanceof ImportError;
}
