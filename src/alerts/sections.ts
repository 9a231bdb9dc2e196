import { overdueRecommendationsSection } from '../hotline/digest-section.js';
import type { DigestSection } from './digest.js';

/**
 * Sections other capabilities add to the digests, in the order they appear (after the
 * overdue lists): overdue recommendations from the hotline for departments, the weekly
 * report for leaders. Each implements `DigestSection`.
 */
export const DIGEST_SECTIONS: DigestSection[] = [overdueRecommendationsSection];
