/**
 * Plays the resident conversations of `test/conversations/` against a running assistant.
 *   tsx cli/conversations.ts <base url, e.g. http://127.0.0.1:3978> [--only <id>] [--verbose]
 * Exit codes: 0 every conversation went as scripted (known failures may fail), 1 a conversation
 * went wrong, 2 bad usage or an unreachable server.
 */
import { parseArgs, UsageError } from './cliSupport.js';
import { loadConversations } from './conversations/conversationScript.js';
import { LocaleKeys } from './conversations/localeKeys.js';
import { httpPoster, runConversation } from './conversations/runConversation.js';

const USAGE = 'usage: tsx cli/conversations.ts <base url> [--only <id>] [--verbose]';

async function main(argv: string[]): Promise<number> {
  const urls = argv.filter((arg) => /^https?:\/\//.test(arg));
  let args;
  try {
    args = parseArgs(
      argv.filter((arg) => !urls.includes(arg)),
      ['only'],
      ['verbose'],
    );
  } catch (error) {
    if (error instanceof UsageError) return fail(`conversations: ${error.message}. ${USAGE}`);
    throw error;
  }
  if (urls.length !== 1) return fail(USAGE);
  const only = args.values.get('only');
  const conversations = loadConversations().filter((conversation) => only === undefined || conversation.id === only);
  if (conversations.length === 0) return fail(`conversations: no conversation ${only}`);
  const keys = new LocaleKeys();
  const post = httpPoster(urls[0]!);
  let wrong = 0;
  let knownWrong = 0;
  for (const conversation of conversations) {
    let report;
    try {
      report = await runConversation(conversation, post, keys);
    } catch (error) {
      return fail(`conversations: ${conversation.id}: ${(error as Error).message}`);
    }
    const ok = report.problems.length === 0;
    const mark = ok ? 'ok  ' : conversation.knownFailure ? 'KNOWN' : 'FAIL';
    if (!ok && conversation.knownFailure) knownWrong += 1;
    else if (!ok) wrong += 1;
    process.stdout.write(`${mark} ${conversation.id} (${conversation.channel})\n`);
    for (const problem of report.problems) process.stdout.write(`      ${problem}\n`);
    if (args.flags.has('verbose') || (!ok && !conversation.knownFailure)) {
      for (const turn of report.turns) process.stdout.write(`      > ${turn.sent}\n${indent(turn.replies)}\n`);
    }
  }
  process.stdout.write(
    `${conversations.length} conversations: ${conversations.length - wrong - knownWrong} as scripted, ${knownWrong} known failures, ${wrong} wrong\n`,
  );
  return wrong === 0 ? 0 : 1;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `        ${line}`)
    .join('\n');
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
