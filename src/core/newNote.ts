import { isMap, isScalar, parseDocument } from 'yaml';

// Pure parts of "New Meeting Note": the file name from a pattern, the client's slug, a free name,
// and the guarantee that the note lands inside the folder it was meant for.

/** What a file-name or folder pattern can name: `YYYY`, `MM`, `DD`, `client` and `kind`. */
export interface NoteNameParts {
  date: Date;
  client: string;
  kind: string;
}

/** Why a client's name cannot name a note. */
export type ClientNameProblem = 'empty' | 'no-letters' | 'too-long';

export const MAX_CLIENT_NAME = 120;

/** Lower-case words joined by dashes, any script kept, accents dropped: "Zoë & Co." → "zoe-co". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Whether a client's name can name a note; undefined when it can. */
export function checkClientName(name: string): ClientNameProblem | undefined {
  if (name.trim() === '') return 'empty';
  if (name.length > MAX_CLIENT_NAME) return 'too-long';
  if (slugify(name) === '') return 'no-letters';
  return undefined;
}

const TOKEN = /(?<![\p{L}\p{N}])(YYYY|MM|DD|client|kind)(?![\p{L}\p{N}])/gu;

/** Fills a pattern such as `YYYY-MM-DD-client-kind.md` (the tokens stand alone between separators). */
export function expandPattern(pattern: string, parts: NoteNameParts): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const values: Record<string, string> = {
    YYYY: String(parts.date.getFullYear()),
    MM: pad(parts.date.getMonth() + 1),
    DD: pad(parts.date.getDate()),
    client: slugify(parts.client),
    kind: slugify(parts.kind),
  };
  return pattern.replace(TOKEN, (token: string) => values[token]);
}

/** A note's place relative to a workspace folder, as path segments; or why the pattern is refused. */
export type NotePath = { segments: string[] } | { refused: string };

/**
 * The note's path inside the workspace folder, from the folder and file-name settings. Refuses
 * absolute paths, `..`, drive letters and backslashes: a note never leaves the folder it is for.
 * Adds `.md` when the pattern has no extension.
 */
export function notePath(folderPattern: string, fileNamePattern: string, parts: NoteNameParts): NotePath {
  const folder = expandPattern(folderPattern.trim(), parts);
  let fileName = expandPattern(fileNamePattern.trim(), parts);
  for (const [value, label] of [
    [folder, 'folder'],
    [fileName, 'file name'],
  ] as const) {
    if (/^[\\/]|^[A-Za-z]:|\\|^~/.test(value)) return { refused: `The ${label} “${value}” is not relative to the workspace folder.` };
    if (value.split('/').some((segment) => segment === '..')) return { refused: `The ${label} “${value}” would leave the workspace folder.` };
  }
  if (fileName.includes('/')) return { refused: `The file name “${fileName}” holds a folder: put folders in the folder setting.` };
  if (fileName === '' || fileName.startsWith('.')) return { refused: `The file name pattern “${fileNamePattern}” gives no name.` };
  if (!/\.(?:md|markdown)$/i.test(fileName)) fileName += '.md';
  const segments = folder.split('/').filter((segment) => segment !== '' && segment !== '.');
  return { segments: [...segments, fileName] };
}

/** The n-th candidate for a file name: `name.md`, then `name-2.md`, `name-3.md`, ... */
export function withSuffix(fileName: string, attempt: number): string {
  if (attempt <= 1) return fileName;
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? `${fileName}-${attempt}` : `${fileName.slice(0, dot)}-${attempt}${fileName.slice(dot)}`;
}

/** Escapes text for a snippet placeholder (`$`, `}` and `\` are snippet syntax). */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/**
 * A snippet body with the client's name in place of its `${1:Client name}` placeholder. The front
 * matter line gets the name as a YAML-safe value (quoted when needed); other places mirror tab stop 1.
 */
export function fillClientName(body: string, client: string): string {
  const name = client.trim();
  const placeholder = `\${1:${escapeSnippetText(name)}}`;
  const safe = yamlScalar(name);
  return body
    .replace(/^client: \$\{1:[^}]*\}/m, safe === name ? `client: ${placeholder}` : `client: ${escapeSnippetText(safe)}`)
    .replace(/\$\{1:Client name\}/g, placeholder);
}

/** The text as a YAML value on a `key: value` line: as is when YAML reads it back the same, double-quoted otherwise. */
export function yamlScalar(text: string): string {
  const contents = parseDocument(`key: ${text}`).contents;
  if (isMap(contents) && contents.items.length === 1) {
    const value = contents.items[0].value;
    if (isScalar(value) && value.value === text) return text;
  }
  return JSON.stringify(text);
}
