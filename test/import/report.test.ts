/** The terminal output: progress line, summary and error sentences. */
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/errors.js';
import { formatBytes, progressLine } from '../../src/import/progress.js';
import { errorText, summaryLines } from '../../src/import/report.js';
import { newResult } from '../../src/import/result.js';

describe('progress', () => {
  it('shows a bar, rows, rows per second and the time left from the bytes read', () => {
    expect(progressLine({ rows: 250_000, bytes: 25 * 1024 ** 2, totalBytes: 100 * 1024 ** 2, elapsedMs: 2_000 })).toBe(
      '[######··················] 25 % · 250.000 dòng · 125.000 dòng/giây · còn khoảng 6 giây',
    );
    expect(progressLine({ rows: 1_200, bytes: 10, totalBytes: null, elapsedMs: 1_000 })).toBe('1.200 dòng · 1.200 dòng/giây');
    expect(progressLine({ rows: 10, bytes: 1, totalBytes: 1000, elapsedMs: 1_000 })).toContain('[························] 0 %');
    expect(formatBytes(135_638_857)).toBe('129,4 MB');
  });
});

describe('summary', () => {
  it('counts what was stored and lists the first rejections', () => {
    const r = { ...newResult('dossiers', 'ho-so.csv'), status: 'done' as const, rows: 3, inserted: 1, updated: 1, unchanged: 0, rejected: 1, seconds: 1.24 };
    r.rejections = [{ line: 4, column: 'TrangThaiHoSo', reason: 'Trạng thái hồ sơ phải là số nguyên từ 1 đến 10, đang là "12".', values: {} }];
    r.rejectedCsv = '/tmp/ho-so.rejected.csv';
    r.extra = [{ label: 'sectorsCreated', value: 2 }];
    expect(summaryLines(r)).toEqual([
      'Xong sau 1,2 giây (2 dòng/giây).',
      '  Số dòng đã đọc: 3',
      '  Thêm mới: 1',
      '  Cập nhật: 1',
      '  Không đổi: 0',
      '  Bị từ chối: 1',
      '  Lĩnh vực mới tạo (chưa gán sở): 2',
      'Các dòng bị từ chối:',
      '  ho-so.csv dòng 4, cột TrangThaiHoSo: Trạng thái hồ sơ phải là số nguyên từ 1 đến 10, đang là "12".',
      'Danh sách đầy đủ các dòng bị từ chối: /tmp/ho-so.rejected.csv',
    ]);
  });

  it('says why an import failed and what stayed written', () => {
    const r = { ...newResult('dossiers', 'cut.csv'), error: new ImportError('csv_malformed', { line: 120_001 }), rows: 120_000, written: { batches: 24, rows: 120_000, lastLine: 120_001 } };
    const lines = summaryLines(r);
    expect(lines.slice(0, 3)).toEqual([
      'Nhập thất bại.',
      'Tệp "cut.csv" hỏng ở dòng 120001: có dấu ngoặc kép (") mở mà không đóng, hoặc một ô dài bất thường. Tệp có thể bị cắt cụt.',
      'Đã ghi 120.000 dòng đầu; chạy lại cùng tệp để hoàn tất (đến dòng 120.001 của tệp đã được ghi trọn; chạy lại không đếm hai lần các dòng đã ghi).',
    ]);
    expect(errorText(new ImportError('too_large', { size: 5 * 1024 ** 3, limit: 2 * 1024 ** 3 }), 'big.csv')).toBe(
      'Tệp "big.csv" nặng 5 GB, vượt giới hạn 2 GB. Hãy tách tệp, hoặc nâng giới hạn bằng --max-size (ví dụ --max-size 8GB).',
    );
    expect(errorText(new ImportError('missing_columns', { columns: ['MaHoSo', 'KenhThucHien'], singleColumn: true }), 'x.csv')).toContain(
      'thiếu cột bắt buộc: MaHoSo; KenhThucHien. Dòng tiêu đề chỉ có một cột',
    );
  });
});
