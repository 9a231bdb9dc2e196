/**
 * The adapter contract: what every chat adapter (console, Telegram, and Zalo when it
 * joins) must do with the core's reply model. Split long replies within the platform's
 * limit without cutting a line; paginate; escape every user- or data-provided string;
 * let the user choose among options; report errors and keep working.
 *
 * Each adapter provides a harness that speaks as a user in one conversation and reports
 * what the user sees; `adapterContract` runs the same tests on all of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdapterCapabilities } from '../../../src/channel/platform.js';
import { reply } from '../../../src/core/reply.js';
import type { CommandSpec } from '../../../src/core/router.js';
import { TEXT } from '../../../src/text/messages.js';

/** A message as the user sees it. */
export interface SeenMessage {
  /** The platform's id of the message (edits keep it). */
  id: string;
  /** Visible text (markup parsed away). */
  text: string;
  /** Button labels, row by row (empty without buttons). */
  buttons: string[][];
}

/** One conversation with an adapter, driven as a user. */
export interface ContractHarness {
  readonly capabilities: AdapterCapabilities;
  /** The user sends `text`; resolves with the messages the bot sent in answer. */
  send(text: string): Promise<SeenMessage[]>;
  /** The user picks option `n` (1-based) offered by `message`; resolves with the new messages. */
  choose(message: SeenMessage, n: number): Promise<SeenMessage[]>;
  /** The user asks for the next page of `message`; resolves with the message(s) now showing it. */
  nextPage(message: SeenMessage): Promise<SeenMessage[]>;
  /** Every message of the bot in the conversation, as it looks now (edits applied). */
  conversation(): Promise<SeenMessage[]>;
  close(): Promise<void>;
}

/** Starts a harness whose router knows exactly `commands`. */
export type HarnessFactory = (commands: CommandSpec[]) => Promise<ContractHarness>;

/** Text that would be markup on some platform, with Vietnamese letters. */
export const HOSTILE = `<b>Đặng & "Vũ"</b> <script>x</script> &amp; a<b c>d > e`;

const ITEMS = Array.from({ length: 12 }, (_, i) => `Hồ sơ H${String(i + 1).padStart(3, '0')}-250701-${1000 + i}`);
const PAGE_SIZE = 5;

/** A test command anyone may run (access rule "open"). */
export function openCommand(name: string, handler: CommandSpec['handler']): CommandSpec {
  return { name, aliases: [], summary: `lệnh thử ${name}`, usage: `/${name}`, examples: [], handler, access: 'open' } as CommandSpec;
}
const spec = openCommand;

/** Lines of the long reply: "Mục 0001: 1.234 hồ sơ (…)", each unique. */
export function longLines(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Mục ${String(i + 1).padStart(4, '0')}: ${(i * 37) % 9973} hồ sơ, tỷ lệ đúng hạn ${(i % 100) + 0.5} %`);
}

/** The commands the contract drives. */
export function contractCommands(): CommandSpec[] {
  return [
    spec('dai', async () =>
      reply([
        { kind: 'title', text: 'Báo cáo dài' },
        { kind: 'fields', rows: longLines(400).map((l) => ({ label: l.split(': ')[0]!, value: l.split(': ')[1]! })) },
      ]),
    ),
    spec('dong', async () => reply([{ kind: 'text', text: Array.from({ length: 1500 }, (_, i) => `từ${i}`).join(' ') }])),
    spec('trang', async (req) => {
      const pageCount = Math.ceil(ITEMS.length / PAGE_SIZE);
      const page = Math.min(Math.max(1, Number(req.args) || 1), pageCount);
      return reply([{ kind: 'title', text: `Danh sách hồ sơ` }, { kind: 'list', items: ITEMS.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) }], {
        pagination: { page, pageCount, command: '/trang' },
      });
    }),
    spec('vang', async (req) =>
      reply([
        { kind: 'title', text: `Tiêu đề ${req.args}` },
        { kind: 'text', text: `Bạn viết: ${req.args}` },
        { kind: 'fields', rows: [{ label: req.args, value: req.args }] },
        { kind: 'list', heading: req.args, items: [req.args] },
        { kind: 'note', text: req.args },
      ]),
    ),
    spec('chon', async () => ({
      status: 'user_error',
      blocks: [{ kind: 'text', text: 'Có nhiều đơn vị tên "Cẩm Giàng". Bạn muốn xem đơn vị nào?' }],
      choices: {
        prompt: TEXT.pickNumber(3),
        options: [
          { label: 'Xã Cẩm Giàng (Hải Phòng)', command: '/donvi 10001' },
          { label: 'Xã Cẩm Giang (Bắc Ninh)', command: '/donvi 20002' },
          { label: 'Phường Cẩm Giàng (Thái Nguyên)', command: '/donvi 30003' },
        ],
      },
    })),
    spec('donvi', async (req) => reply([{ kind: 'text', text: `Đơn vị mã ${req.args}` }])),
    spec('hong', async () => {
      throw new Error('database is on fire');
    }),
  ];
}

/** The contract suite, for one adapter. */
export function adapterContract(name: string, factory: HarnessFactory): void {
  describe(`adapter contract: ${name}`, () => {
    let h: ContractHarness;
    beforeAll(async () => {
      h = await factory(contractCommands());
    });
    afterAll(async () => {
      await h?.close();
    });

    it('splits a long reply within the text limit, on line boundaries, losing nothing', async () => {
      const seen = await h.send('/dai');
      const max = h.capabilities.maxTextLength;
      expect(seen.length).toBeGreaterThan(1);
      for (const m of seen) expect(m.text.length).toBeLessThanOrEqual(max);
      const lines = seen.flatMap((m) => m.text.split('\n')).filter((l) => l !== '');
      expect(lines).toEqual(['Báo cáo dài', ...longLines(400)]);
    });

    it('cuts a single overlong line at spaces, never inside a word', async () => {
      const seen = await h.send('/dong');
      expect(seen.length).toBeGreaterThan(1);
      for (const m of seen) expect(m.text.length).toBeLessThanOrEqual(h.capabilities.maxTextLength);
      const words = seen.flatMap((m) => m.text.split(/\s+/)).filter((w) => w !== '');
      expect(words).toEqual(Array.from({ length: 1500 }, (_, i) => `từ${i}`));
    });

    it('paginates: shows page 1 of 3, then page 2 (in place where the platform can edit)', async () => {
      const [first, ...more] = await h.send('/trang');
      expect(more).toEqual([]);
      expect(first!.text).toContain(ITEMS[0]!);
      expect(first!.text).not.toContain(ITEMS[PAGE_SIZE]!);
      expect(`${first!.text}\n${first!.buttons.flat().join(' ')}`).toContain('Trang 1/3');
      const before = (await h.conversation()).length;
      const second = await h.nextPage(first!);
      const shown = second.map((m) => m.text).join('\n');
      expect(shown).toContain(ITEMS[PAGE_SIZE]!);
      expect(shown).not.toContain(ITEMS[0]!);
      expect(`${shown}\n${second.flatMap((m) => m.buttons.flat()).join(' ')}`).toContain('Trang 2/3');
      if (h.capabilities.edits) {
        expect(second.map((m) => m.id)).toEqual([first!.id]);
        expect((await h.conversation()).length).toBe(before);
      }
      const third = await h.nextPage(second[second.length - 1]!);
      expect(third.map((m) => m.text).join('\n')).toContain(ITEMS[ITEMS.length - 1]!);
    });

    it('escapes every user- or data-provided string: what was typed is what is shown', async () => {
      const seen = await h.send(`/vang ${HOSTILE}`);
      const text = seen.map((m) => m.text).join('\n');
      expect(text).toContain(`Tiêu đề ${HOSTILE}`);
      expect(text).toContain(`Bạn viết: ${HOSTILE}`);
      expect(text).toContain(`${HOSTILE}: ${HOSTILE}`);
      expect(text.split(HOSTILE).length - 1).toBeGreaterThanOrEqual(6);
    });

    it('offers choices and runs the one picked', async () => {
      const [offer] = await h.send('/chon');
      expect(offer!.text).toContain('Cẩm Giàng');
      const shown = `${offer!.text}\n${offer!.buttons.flat().join('\n')}`;
      expect(shown).toContain('Xã Cẩm Giang (Bắc Ninh)');
      if (h.capabilities.buttons) expect(offer!.buttons.flat().length).toBe(3);
      const picked = await h.choose(offer!, 2);
      expect(picked.map((m) => m.text).join('\n')).toContain('Đơn vị mã 20002');
    });

    it('reports a failing command in Vietnamese and keeps working', async () => {
      const failed = await h.send('/hong');
      expect(failed.map((m) => m.text).join('\n')).toContain(TEXT.internalError);
      expect(failed.map((m) => m.text).join('\n')).not.toContain('fire');
      const unknown = await h.send('/khongco');
      expect(unknown.map((m) => m.text).join('\n')).toContain(TEXT.unknownCommand('khongco'));
      const after = await h.send('/donvi 1');
      expect(after.map((m) => m.text).join('\n')).toContain('Đơn vị mã 1');
    });
  });
}
