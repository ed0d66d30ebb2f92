import { createRequire } from 'node:module';

type Matcher = (path: string) => boolean;
type Picomatch = (glob: string, options: { dot: boolean; nocase: boolean }) => Matcher;

// The CLI's command-line globs go through tinyglobby, which matches with picomatch: loaded from
// where tinyglobby loads it, this is the very matcher that ships, not another copy or version.
const fromTinyglobby = createRequire(createRequire(__filename).resolve('tinyglobby'));
const picomatch = fromTinyglobby('picomatch') as Picomatch;

/**
 * How a glob on the command line matches a path. Written as the team file writes it: picomatch
 * reads `[!a]` as “! or a”, so it is given the `[^a]` it understands.
 */
export function commandLineGlob(glob: string, options: { dot: boolean; nocase: boolean }): Matcher {
  return picomatch(glob.replace(/\[!/g, '[^'), options);
}

/**
 * The one difference the team file keeps on purpose: `notes/**` there is what is under `notes/`,
 * never a file named `notes`, where picomatch also matches the folder's own path.
 */
export function isTheFolderItself(glob: string, path: string, teamGlob: (glob: string) => (path: string) => boolean): boolean {
  const folder = glob.replace(/(?:\/\*\*)+$/, '');
  return folder !== glob && folder !== '' && teamGlob(folder)(path);
}
