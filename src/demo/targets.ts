/**
 * What the provincial reports published about the demo communes (DOMAIN.md, "Published
 * figures the demo data must reproduce"). The dossier generator builds records that add
 * up to these; the figures the bot shows are then computed from the records by the same
 * queries as for any real data.
 */

/** Exact reception counts of one commune over a published window. */
export interface ReceptionTarget {
  communeCode: string;
  from: string;
  to: string;
  received: number;
  /** Channel counts when published; otherwise split by the commune's usual shares. */
  online?: number;
  direct?: number;
  postal?: number;
  /** Every dossier received in the window was resolved within it, none late ("đạt 100 %"). */
  allResolvedInWindow?: boolean;
  /** No dossier late or overdue at the end of the window ("không có hồ sơ quá hạn"). */
  noneOverdue?: boolean;
}

export const RECEPTION_TARGETS: ReceptionTarget[] = [
  // Seed 001: Thượng Cốc 1–28/7/2025: 390 received, 229 online (58,72 %), none overdue.
  { communeCode: '05293', from: '2025-07-01', to: '2025-07-28', received: 390, online: 229, direct: 161, postal: 0, noneOverdue: true },
  // Seed 001: Yên Phú 1–27/7/2025: 603 received: 239 online, 364 direct.
  { communeCode: '05305', from: '2025-07-01', to: '2025-07-27', received: 603, online: 239, direct: 364, postal: 0, noneOverdue: true },
  // Seed 001: Quyết Thắng 1–28/7/2025: 350 received, 350 resolved (100 %), none overdue.
  { communeCode: '05323', from: '2025-07-01', to: '2025-07-28', received: 350, allResolvedInWindow: true, noneOverdue: true },
];

/**
 * Seed 003: the six communes of working group 7 over 1/7–25/12/2025: online rate averaging
 * 95,86 %, on time above 99 %, public-investment disbursement averaging 71,11 %.
 */
export const GROUP_7_TARGET = {
  communeCodes: ['08152', '08173', '08203', '08209', '08218', '08227'],
  from: '2025-07-01',
  to: '2025-12-25',
  /** Mean of the six online rates, in percent with two decimals as published. */
  onlineRateMean: 95.86,
  /** Each commune's on-time rate must stay above this. */
  onTimeAbove: 99,
  /** Per-commune spread around the mean, in percentage points (zero-sum so the mean holds). */
  onlineSpread: [0.42, -0.31, 0.18, -0.46, 0.27, -0.1],
  disbursementMean: 71.11,
  disbursementSpread: [-2.66, 2.09, -1.06, 1.77, -1.21, 1.07],
  disbursementFrom: '2025-01-01',
};
