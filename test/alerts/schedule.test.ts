import { describe, expect, it } from 'vitest';
import { parseScheduleCommand, parseSilenceArgs } from '../../src/alerts/command-args.js';
import { levelFor, parseThresholds } from '../../src/alerts/policy.js';
import { defaultSchedule, nextSlotAfter, slotAction, slotTimesOn, type Schedule } from '../../src/alerts/schedule.js';
import { WorkingCalendar } from '../../src/time/calendar.js';
import { dayFromIso, dayFromYmd } from '../../src/time/day.js';

// The announced days of early 2026 (CV 12729/VPCP-KGVX): Friday 02/01 swapped for Saturday
// 10/01. Tết Bính Ngọ (16–20/02) and Giỗ Tổ's compensating Monday 27/04 come from the rules.
const calendar = new WorkingCalendar([
  { day: dayFromIso('2026-01-02'), kind: 'day_off_swap', name: 'Nghỉ hoán đổi' },
  { day: dayFromIso('2026-01-10'), kind: 'makeup_workday', name: 'Làm bù' },
]);
const day = (iso: string) => dayFromIso(iso);
const commune = defaultSchedule('commune')!;
const leaders = defaultSchedule('leader')!;

describe('digest schedules', () => {
  it('gives each role its default: communes and departments 07:30, working groups 07:45, leaders Monday 08:00, administrators none', () => {
    expect(commune.times).toEqual(['07:30']);
    expect(defaultSchedule('department')!.times).toEqual(['07:30']);
    expect(defaultSchedule('working_group')!.times).toEqual(['07:45']);
    expect(leaders).toMatchObject({ times: ['08:00'], weekday: 1 });
    expect(defaultSchedule('admin')).toBeNull();
  });

  it('sends on working days only: not at weekends, on the swapped day off, nor during Tết; on the make-up Saturday it does', () => {
    expect(slotTimesOn(day('2026-12-02'), commune, calendar)).toEqual(['07:30']);
    expect(slotTimesOn(day('2026-12-05'), commune, calendar)).toEqual([]); // Saturday
    expect(slotTimesOn(day('2026-01-02'), commune, calendar)).toEqual([]); // swapped day off
    expect(slotTimesOn(day('2026-01-10'), commune, calendar)).toEqual(['07:30']); // make-up Saturday
    for (let d = dayFromYmd(2026, 2, 16); d <= dayFromYmd(2026, 2, 20); d++) expect(slotTimesOn(d, commune, calendar)).toEqual([]);
    expect(slotTimesOn(day('2026-02-23'), commune, calendar)).toEqual(['07:30']);
  });

  it('sends the leaders’ digest on Monday, on the first working day after a Monday holiday, and not at all in the week of Tết', () => {
    expect(slotTimesOn(day('2026-12-07'), leaders, calendar)).toEqual(['08:00']);
    expect(slotTimesOn(day('2026-12-08'), leaders, calendar)).toEqual([]);
    expect(slotTimesOn(day('2026-04-27'), leaders, calendar)).toEqual([]); // Giỗ Tổ, compensating Monday
    expect(slotTimesOn(day('2026-04-28'), leaders, calendar)).toEqual(['08:00']);
    expect(slotTimesOn(day('2026-04-29'), leaders, calendar)).toEqual([]);
    for (let d = dayFromYmd(2026, 2, 16); d <= dayFromYmd(2026, 2, 22); d++) expect(slotTimesOn(d, leaders, calendar)).toEqual([]);
    expect(nextSlotAfter(new Date('2026-02-13T09:00:00+07:00'), leaders, calendar, day('2026-02-13'))).toEqual(new Date('2026-02-23T08:00:00+07:00'));
  });

  it('catches a missed digest up the same working day before 11:30, and skips it after', () => {
    const d = day('2026-12-02');
    expect(slotAction(d, '07:30', new Date('2026-12-02T07:29:59+07:00'))).toBe('wait');
    expect(slotAction(d, '07:30', new Date('2026-12-02T07:30:00+07:00'))).toBe('send');
    expect(slotAction(d, '07:30', new Date('2026-12-02T11:29:00+07:00'))).toBe('send');
    expect(slotAction(d, '07:30', new Date('2026-12-02T11:30:00+07:00'))).toBe('skip');
    expect(slotAction(d, '13:30', new Date('2026-12-02T13:35:00+07:00'))).toBe('send');
    expect(slotAction(d, '13:30', new Date('2026-12-02T14:00:00+07:00'))).toBe('skip');
  });

  it('does nothing while switched off', () => {
    const off: Schedule = { ...commune, enabled: false };
    expect(slotTimesOn(day('2026-12-02'), off, calendar)).toEqual([]);
    expect(nextSlotAfter(new Date('2026-12-02T06:00:00+07:00'), off, calendar, day('2026-12-02'))).toBeNull();
  });
});

describe('/lichbao arguments', () => {
  it('reads times, weekly digests, on, off and all-clear', () => {
    expect(parseScheduleCommand('')).toEqual({ kind: 'show' });
    expect(parseScheduleCommand('07:30')).toEqual({ kind: 'daily', times: ['07:30'] });
    expect(parseScheduleCommand('13:30 7:30')).toEqual({ kind: 'daily', times: ['07:30', '13:30'] });
    expect(parseScheduleCommand('thứ 2 08:00')).toEqual({ kind: 'weekly', weekday: 1, time: '08:00' });
    expect(parseScheduleCommand('thu hai 8h')).toEqual({ kind: 'weekly', weekday: 1, time: '08:00' });
    expect(parseScheduleCommand('tắt')).toEqual({ kind: 'enabled', on: false });
    expect(parseScheduleCommand('bật')).toEqual({ kind: 'enabled', on: true });
    expect(parseScheduleCommand('báo cả khi không có')).toEqual({ kind: 'all_clear', on: true });
  });

  it('refuses 25:00, thứ 8 and what it cannot read', () => {
    expect(parseScheduleCommand('25:00')).toMatchObject({ kind: 'error', code: 'bad_time', detail: '25:00' });
    expect(parseScheduleCommand('thứ 8 08:00')).toMatchObject({ kind: 'error', code: 'bad_weekday' });
    expect(parseScheduleCommand('chủ nhật')).toMatchObject({ kind: 'error', code: 'bad_weekday' });
    expect(parseScheduleCommand('sáng sớm')).toMatchObject({ kind: 'error', code: 'not_understood' });
    expect(parseScheduleCommand('7:00 8:00 9:00 10:00 11:00')).toMatchObject({ kind: 'error', code: 'too_many' });
  });
});

describe('escalation policy', () => {
  it('reaches level 1 at 1 working day overdue, level 2 at 3, level 3 at 7 by default', () => {
    const t = [1, 3, 7] as const;
    expect([0, 1, 2, 3, 6, 7, 30].map((d) => levelFor(d, t))).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });
  it('accepts three increasing numbers from 1 to 60 and explains anything else', () => {
    expect(parseThresholds('2 4 8')).toEqual({ thresholds: [2, 4, 8] });
    expect(parseThresholds('1,3,7')).toEqual({ thresholds: [1, 3, 7] });
    expect(parseThresholds('3 1 7')).toEqual({ error: 'not_increasing' });
    expect(parseThresholds('1 3')).toEqual({ error: 'count' });
    expect(parseThresholds('0 3 7')).toEqual({ error: 'range' });
  });
});

describe('/tamdung arguments', () => {
  it('splits target, end and reason', () => {
    expect(parseSilenceArgs('Yên Phú 3 ngày mất điện')).toEqual({ target: 'Yên Phú', end: { kind: 'for', ms: 3 * 86_400_000 }, reason: 'mất điện' });
    expect(parseSilenceArgs('đất đai đến 10/12 kiểm kê')).toEqual({ target: 'đất đai', end: { kind: 'until_day', text: '10/12' }, reason: 'kiểm kê' });
    expect(parseSilenceArgs('Yên Phú mất điện')).toMatchObject({ end: null });
    expect(parseSilenceArgs('Yên Phú 4 giờ')).toMatchObject({ reason: '' });
  });
});
