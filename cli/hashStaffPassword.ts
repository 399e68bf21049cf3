/**
 * Prints a scrypt hash for a staff password read from stdin, for STAFF_ACCOUNTS:
 *   npx tsx cli/hashStaffPassword.ts            (type the password, then Enter)
 *   echo 'password' | npx tsx cli/hashStaffPassword.ts
 * The password is read from stdin, not from the arguments, so it stays out of the shell history.
 */
import { hashStaffPassword } from '../bot/staff/staffPassword.js';

const MIN_LENGTH = 12;

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

const password = await readPassword();
if (password.length < MIN_LENGTH) {
  process.stderr.write(`The password must be at least ${MIN_LENGTH} characters long.\n`);
  process.exit(1);
}
process.stdout.write(`${await hashStaffPassword(password)}\n`);
process.exit(0);
