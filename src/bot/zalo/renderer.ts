import type { AdapterCapabilities } from '../../channel/platform.js';
import { MARKDOWN, PLAIN } from '../../channel/render/markup.js';
import { LayoutRenderer } from '../../channel/render/renderer.js';
import { ZALO_CAPABILITIES } from './capabilities.js';

export interface ZaloRendererOptions {
  /** Write titles bold and notes italic in Zalo's markdown subset (ZALO_MARKDOWN). */
  markdown: boolean;
}

/**
 * Replies for Zalo: plain text by default, or the markdown subset; every message within
 * 2,000 characters; pictures with plain captions (whether Zalo reads markdown in a caption
 * is unknown). No buttons: choices and pages become numbered options and a line saying
 * what to send.
 */
export class ZaloRenderer extends LayoutRenderer {
  constructor(opts: ZaloRendererOptions = { markdown: false }, capabilities: AdapterCapabilities = ZALO_CAPABILITIES) {
    super({ ...capabilities, markup: opts.markdown ? 'markdown' : 'plain' }, opts.markdown ? MARKDOWN : PLAIN, PLAIN);
  }
}
