// Tests leave the tracked tree as they found it: every folder a test run writes into (e2e screenshots, the
// vitest JSON report, CLI run folders) is ignored by git, and no screenshot is tracked outside docs/img.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SCREENSHOT_DIR } from '../../e2e/helpers';
import config from '../../../vitest.config';

const inGit = existsSync(join(REPO_ROOT, '.git'));
const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' });
/** True when git ignores `path` (check-ignore exits 1 for a path it does not ignore). */
function ignored(path: string): boolean {
  try {
    git('check-ignore', '-q', '--no-index', path);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!inGit)('artefact folders', () => {
  it('e2e screenshots, the vitest report and run folders go to ignored folders', () => {
    const report = (config.test?.outputFile as { json: string }).json;
    for (const path of [relative(REPO_ROOT, join(SCREENSHOT_DIR, 'x.png')), report, 'runs-out/x/config.json']) {
      expect(ignored(path), path).toBe(true);
    }
  });

  it('the only tracked PNGs are the docs images and the app icons', () => {
    const pngs = git('ls-files', '*.png').split('\n').filter(Boolean);
    expect(pngs.filter((p) => !p.startsWith('docs/img/') && !p.startsWith('public/'))).toEqual([]);
  });
});
