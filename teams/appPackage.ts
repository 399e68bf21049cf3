import { Ajv } from 'ajv';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import localizationSchema from './localizationSchema.json' with { type: 'json' };
import manifestSchema from './manifestSchema.json' with { type: 'json' };
import { COLOR_ICON_SIZE, colorIcon, OUTLINE_ICON_SIZE, outlineIcon } from './appIcons.js';
import { COLOR_ICON_FILE, OUTLINE_ICON_FILE, teamsManifestFiles, type TeamsAppInput } from './appManifest.js';
import { decodePng } from './pngImage.js';

/** The Teams app package: a zip with manifest.json, its localization files and the two icons at its root. */
export function buildTeamsPackage(input: TeamsAppInput): Uint8Array {
  const entries: Record<string, Uint8Array> = {
    [COLOR_ICON_FILE]: colorIcon(),
    [OUTLINE_ICON_FILE]: outlineIcon(),
  };
  for (const [name, content] of Object.entries(teamsManifestFiles(input))) entries[name] = strToU8(`${JSON.stringify(content, null, 2)}\n`);
  return zipSync(entries, { level: 9 });
}

const ajv = new Ajv({ allErrors: true });
const validateManifest = ajv.compile(manifestSchema);
const validateLocalization = ajv.compile(localizationSchema);

/**
 * What is wrong with a Teams app package, one line per problem (empty when it is valid): the manifest
 * and localization files against the schema, every file they name present, the icons' sizes and the
 * outline icon white on transparency.
 */
export function teamsPackageProblems(zip: Uint8Array): string[] {
  const files = unzipSync(zip);
  const manifestFile = files['manifest.json'];
  if (!manifestFile) return ['manifest.json is missing'];
  const manifest = JSON.parse(strFromU8(manifestFile)) as {
    icons?: { color?: string; outline?: string };
    localizationInfo?: { additionalLanguages?: { file: string }[] };
  };
  const problems = schemaProblems('manifest.json', validateManifest, manifest);
  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const content = files[file];
    if (!content) problems.push(`${file} is named in the manifest but missing`);
    else problems.push(...schemaProblems(file, validateLocalization, JSON.parse(strFromU8(content))));
  }
  problems.push(...iconProblems(files, manifest.icons?.color, COLOR_ICON_SIZE, false));
  problems.push(...iconProblems(files, manifest.icons?.outline, OUTLINE_ICON_SIZE, true));
  return problems;
}

function schemaProblems(file: string, validate: ReturnType<Ajv['compile']>, content: unknown): string[] {
  if (validate(content)) return [];
  return (validate.errors ?? []).map((error) => `${file}${error.instancePath || ''}: ${error.message ?? 'invalid'}`);
}

function iconProblems(files: Record<string, Uint8Array>, name: string | undefined, size: number, outline: boolean): string[] {
  const file = name ? files[name] : undefined;
  if (!name || !file) return [`icon ${name ?? '(none)'} is missing`];
  const image = decodePng(file);
  if (image.width !== size || image.height !== size) return [`${name} is ${image.width}×${image.height}, Teams needs ${size}×${size}`];
  if (!outline) return [];
  for (let index = 0; index < image.pixels.length; index += 4) {
    const [red, green, blue, alpha] = image.pixels.subarray(index, index + 4) as unknown as [number, number, number, number];
    if (alpha > 0 && (red !== 255 || green !== 255 || blue !== 255)) return [`${name} has a pixel that is neither white nor transparent`];
  }
  return [];
}
