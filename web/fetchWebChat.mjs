// Puts Bot Framework Web Chat's prebuilt bundle at web/vendor/webchat.js, without its dependency
// tree: `npm pack` fetches only the package's own tarball from the registry (about 7 MB, against
// some 485 MB for a normal install). The tarball must match the integrity pinned in package.json;
// only dist/webchat.js is taken out of it. Runs from the root `postinstall`; does nothing when the
// bundle from the pinned tarball is already there.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const WEB_DIR = dirname(fileURLToPath(import.meta.url));
const { webChatBundle } = JSON.parse(readFileSync(join(WEB_DIR, 'package.json'), 'utf8'));
const BUNDLE = join(WEB_DIR, 'vendor', 'webchat.js');
const RECEIPT = join(WEB_DIR, 'vendor', 'webchat.json');
const ENTRY = `package/${webChatBundle.file}`;

function sha512(bytes) {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

function alreadyThere() {
  if (!existsSync(BUNDLE) || !existsSync(RECEIPT)) return false;
  const receipt = JSON.parse(readFileSync(RECEIPT, 'utf8'));
  return receipt.integrity === webChatBundle.integrity && receipt.bundle === sha512(readFileSync(BUNDLE));
}

/** The bytes of one file in a (ustar) tar archive, or undefined. */
function fileFromTar(tar, wanted) {
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return undefined;
    const text = (start, length) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const prefix = text(345, 155);
    const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100);
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const type = text(156, 1) || '0';
    const start = offset + 512;
    if (name === wanted && type === '0') return tar.subarray(start, start + size);
    offset = start + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

if (alreadyThere()) process.exit(0);

const spec = `${webChatBundle.package}@${webChatBundle.version}`;
const work = mkdtempSync(join(tmpdir(), 'webchat-pack-'));
try {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const [packed] = JSON.parse(
    execFileSync(npm, ['pack', spec, '--json', '--silent', '--pack-destination', work], {
      encoding: 'utf8',
      shell: process.platform === 'win32',
    }),
  );
  const tarball = readFileSync(join(work, packed.filename));
  const integrity = sha512(tarball);
  if (integrity !== webChatBundle.integrity) {
    throw new Error(`${spec}: the tarball's integrity ${integrity} is not the pinned ${webChatBundle.integrity}`);
  }
  const bundle = fileFromTar(gunzipSync(tarball), ENTRY);
  if (!bundle) throw new Error(`${spec}: ${ENTRY} is not in the tarball`);
  mkdirSync(dirname(BUNDLE), { recursive: true });
  writeFileSync(`${BUNDLE}.tmp`, bundle);
  renameSync(`${BUNDLE}.tmp`, BUNDLE);
  writeFileSync(RECEIPT, `${JSON.stringify({ package: spec, integrity, bundle: sha512(bundle) }, null, 2)}\n`);
  process.stdout.write(`Web Chat ${webChatBundle.version}: ${ENTRY} → web/vendor/webchat.js (${Math.round(bundle.length / 1024)} kB)\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
