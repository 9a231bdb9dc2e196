import { describe, expect, it } from 'vitest';
import { findPersonalData, hasPersonalData, maskPersonalData } from '../../src/privacy/personal-data.js';

const kinds = (text: string) => findPersonalData(text).map((s) => [s.kind, text.slice(s.start, s.end)]);

describe('personal data detector', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['gọi 0912 345 678 nhé', '0912 345 678'],
    ['0912.345.678', '0912.345.678'],
    ['0912-345-678', '0912-345-678'],
    ['(+84) 912 345 678', '(+84) 912 345 678'],
    ['+84912345678', '+84912345678'],
    ['máy bàn 0210 3845 678', '0210 3845 678'],
  ])('finds the phone number in %s', (text, phone) => {
    expect(kinds(text)).toEqual([['phone', phone]]);
  });

  it.each([
    ['CCCD 001203004567', '001203004567'],
    ['số 001 203 004 567', '001 203 004 567'],
    ['001.203.004.567', '001.203.004.567'],
    ['CMND 123456789', '123456789'],
  ])('finds the ID number in %s', (text, id) => {
    expect(kinds(text)).toEqual([['id_number', id]]);
  });

  it('finds e-mail addresses and names after a form of address', () => {
    expect(kinds('gửi nguyen.van.a@gmail.com')).toEqual([['email', 'nguyen.van.a@gmail.com']]);
    expect(kinds('Cấp phép - bà Quách Thị Xuyến 0912345671')).toEqual([
      ['name', 'Quách Thị Xuyến'],
      ['phone', '0912345671'],
    ]);
    expect(kinds('Ông Nguyễn Văn Bình hỏi')).toEqual([['name', 'Nguyễn Văn Bình']]);
  });

  it.each([
    'H44.05305-261019-0042',
    'G22.10-250701-0001',
    'Tiếp nhận 156.230 hồ sơ, giải ngân 250.000.000 đồng',
    'tỉnh Bà Rịa - Vũng Tàu',
    'Xã Thượng Cốc mã 05293 ngày 28/07/2025',
    'Sở Nông nghiệp và Môi trường',
    'năm 2025 có 2.119 thủ tục',
  ])('leaves %s alone', (text) => {
    expect(findPersonalData(text)).toEqual([]);
    expect(hasPersonalData(text)).toBe(false);
  });

  it('masks every digit but the first two and last two, and names but their initials', () => {
    expect(maskPersonalData('Cấp phép - bà Quách Thị Xuyến 0912 345 678')).toEqual({
      text: 'Cấp phép - bà Q•••• T•• X•••• 09•• ••• •78',
      kinds: ['name', 'phone'],
    });
    expect(maskPersonalData('a nguyen@gmail.com b').text).toBe('a n•••@gmail.com b');
    expect(maskPersonalData('không có gì')).toEqual({ text: 'không có gì', kinds: [] });
  });
});
