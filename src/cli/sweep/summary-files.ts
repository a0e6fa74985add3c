/**
 * DIR/summary.csv and DIR/summary.md of `lab sweep collect`, replaced only while they are exactly as
 * collect wrote them. A user may put a summary of their own there, or edit the lab's (notes under a
 * table, a spreadsheet saved over the CSV): collecting again must not throw that work away. So
 * summary.md ends with one line, an HTML comment (invisible where Markdown is rendered), that records the
 * hash of the text above it and of the summary.csv written with it. Collect replaces the two files only
 * when that line is there and both hashes still match; otherwise it refuses before doing any work, naming
 * each file (output-file.ts, the refusal the analysis commands give for files they did not write).
 *
 * A collect killed between the two renames leaves the new summary.csv beside the old summary.md, which the
 * next collect refuses as changed: a refusal to move a file, never a lost one.
 */
import { join } from 'node:path';
import { hash64 } from '../../core/runs/hash';
import { writeFileAtomic } from '../fs-safe';
import { ForeignFile, foreignRefusal, readIfThere } from '../output-file';

const CSV = 'summary.csv',
  MD = 'summary.md';

/** The closing line of summary.md: the hashes of the text above it and of summary.csv. */
const closingLine = (mdHash: string, csvHash: string) =>
  `<!-- written by lab sweep collect, which replaces this file and ${CSV} only as it wrote them: ${mdHash} ${csvHash} -->`;
const CLOSING = /^<!-- written by lab sweep collect, [^:]*: ([0-9a-f]{16}) ([0-9a-f]{16}) -->$/;

/** The files of `root` that collect may not replace, each with why (empty: none). */
async function foreignSummaries(root: string): Promise<ForeignFile[]> {
  const foreign: ForeignFile[] = [];
  const read = (path: string) =>
    readIfThere(path).catch((e: unknown) => {
      if (!(e instanceof ForeignFile)) throw e;
      foreign.push(e);
      return null; // there, but not a plain file
    });
  const [csvPath, mdPath] = [join(root, CSV), join(root, MD)];
  const [csv, md] = [await read(csvPath), await read(mdPath)];
  let csvHash: string | null = null; // what the lab's summary.md says summary.csv holds
  if (typeof md === 'string') {
    const cut = md.lastIndexOf('<!--');
    const closing = CLOSING.exec(md.slice(cut).trimEnd());
    if (cut < 0 || !closing)
      foreign.push(
        new ForeignFile(
          mdPath,
          'does not end with the line lab sweep collect ends its summary with (you wrote it, or a version of the lab before that line existed did)',
        ),
      );
    else if (hash64(md.slice(0, cut)) !== closing[1])
      foreign.push(new ForeignFile(mdPath, 'was changed since lab sweep collect wrote it'));
    else csvHash = closing[2];
  }
  if (typeof csv === 'string') {
    if (csvHash === null)
      foreign.push(
        new ForeignFile(
          csvPath,
          md === undefined
            ? `has no ${MD} beside it, whose last line records what lab sweep collect wrote`
            : `cannot be checked, since ${MD} beside it does not record what lab sweep collect wrote`,
        ),
      );
    else if (hash64(csv) !== csvHash)
      foreign.push(new ForeignFile(csvPath, 'was changed since lab sweep collect wrote it'));
  }
  return foreign;
}

/** Refuses (CliError) when summary.csv or summary.md of the sweep folder `root` is not the lab's, unchanged. */
export async function checkSummaries(root: string): Promise<void> {
  const foreign = await foreignSummaries(root);
  if (foreign.length)
    throw foreignRefusal(foreign, 'summaries it wrote itself, unchanged since', ', then run lab sweep collect again');
}

/**
 * Writes the summary (`md` without its closing line, as printed) into `root`, checking first again
 * (checkSummaries: a file may have appeared while collect merged); returns the paths written.
 */
export async function writeSummaries(root: string, csv: string, md: string): Promise<string[]> {
  await checkSummaries(root);
  const paths = [join(root, CSV), join(root, MD)];
  await writeFileAtomic(paths[0], csv);
  await writeFileAtomic(paths[1], `${md}${closingLine(hash64(md), hash64(csv))}\n`);
  return paths;
}
