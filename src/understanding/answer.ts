/**
 * Turns an understood question into the reply: the command's own reply (run through the
 * router, so access rules and offers are those of the command) preceded by "Hiểu là: /…"
 * and, when one figure was asked, a sentence quoting it; or a question back, or a short
 * answer saying what the bot can answer. Greetings get a polite line in private chats and
 * nothing in groups.
 */
import type { Reply } from '../core/reply.js';
import { userError } from '../core/reply.js';
import type { ChatRef } from '../core/request.js';
import { maskPersonalData } from '../privacy/personal-data.js';
import { PERIOD_EXAMPLES, TEXT } from '../text/messages.js';
import { QUESTION_EXAMPLES, UNDERSTANDING_TEXT } from '../text/understanding-messages.js';
import { focusSentence, rankingSentence } from './focus.js';
import { MAX_MESSAGE_LENGTH } from './tokens.js';
import type { Understanding } from './understand.js';

/**
 * What an answer of the bot was about, as a command line: its "Hiểu là: /…" line, or for a
 * commune's figures "/xa <code>" from the title ("… · mã 05293"); null otherwise.
 */
export function readingOf(answer: string): string | null {
  const read = /^Hiểu là: (\/[a-z0-9_]+(?: [^\n]*)?)$/mu.exec(answer);
  if (read) return read[1]!.trim();
  const commune = / · mã (\d{5})$/mu.exec(answer);
  return commune ? `/xa ${commune[1]}` : null;
}

/** Runs a command as the asker (the router's one dispatch, access check included). */
export type RunCommand = (command: string, args: string) => Promise<Reply>;

/** The reply to an understood message; null to stay quiet (small talk in a group). */
export async function answerUnderstanding(u: Understanding, chat: ChatRef, run: RunCommand): Promise<Reply | null> {
  switch (u.kind) {
    case 'command': {
      // The reading may carry words as typed (an unknown commune's name): masked like any echo.
      const line = maskPersonalData(`/${u.command}${u.args ? ` ${u.args}` : ''}`).text;
      const reply = await run(u.command, u.args);
      const sentence = u.focus ? focusSentence(reply, u.focus) : u.end ? rankingSentence(reply, u.end) : null;
      return {
        ...reply,
        blocks: [{ kind: 'text', text: UNDERSTANDING_TEXT.readAs(line) }, ...(sentence ? [{ kind: 'text' as const, text: sentence }] : []), ...reply.blocks],
      };
    }
    case 'ask': {
      // The words echoed back are the user's; a phone number or a name among them is masked.
      const subject = maskPersonalData(u.subject).text;
      const text =
        u.why === 'ranking'
          ? UNDERSTANDING_TEXT.whichRanking
          : u.why === 'typo'
          ? UNDERSTANDING_TEXT.didYouMean(subject)
          : u.why === 'periods'
            ? UNDERSTANDING_TEXT.whichPeriod(subject)
            : subject.includes(',')
              ? UNDERSTANDING_TEXT.whichUnit(subject)
              : UNDERSTANDING_TEXT.whichNamed(subject);
      return {
        status: 'user_error',
        blocks: [{ kind: 'text', text }],
        choices: { prompt: TEXT.pickNumber(u.options.length), options: u.options.map((o) => ({ label: o.label || o.command, command: o.command })) },
      };
    }
    case 'no_data':
      return userError(UNDERSTANDING_TEXT.noData, QUESTION_EXAMPLES);
    case 'unclear':
      return userError(UNDERSTANDING_TEXT.unclear, QUESTION_EXAMPLES);
    case 'bad_period':
      return userError(UNDERSTANDING_TEXT.badPeriod(maskPersonalData(u.text).text), PERIOD_EXAMPLES);
    case 'too_long':
      return userError(UNDERSTANDING_TEXT.tooLong(MAX_MESSAGE_LENGTH));
    case 'small_talk':
      if (chat.kind === 'group') return null;
      return { status: 'ok', blocks: [{ kind: 'text', text: u.what === 'greeting' ? UNDERSTANDING_TEXT.greeting : UNDERSTANDING_TEXT.thanks }] };
  }
}
