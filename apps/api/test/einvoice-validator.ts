import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFRawStream,
  type PDFString,
} from '@cantoo/pdf-lib';

const apiDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The official rules (`validate.mjs` with CEN's and KoSIT's Schematron) live outside the
 * repository, in `shared/einvoice` beside the checkout (`<repo>/../shared/einvoice` in CI; one
 * level further up from a worktree under `wt/`). `EINVOICE_RULES_DIR` overrides. Missing rules
 * fail the test run: an e-invoice test that silently skips would prove nothing.
 */
export function findValidator(): string {
  const override = process.env.EINVOICE_RULES_DIR;
  const candidates: string[] = override ? [join(override, 'validate.mjs')] : [];
  let dir = resolve(apiDir, '../..');
  for (let depth = 0; depth < 4; depth++) {
    candidates.push(join(dir, '..', 'shared', 'einvoice', 'validate.mjs'));
    dir = resolve(dir, '..');
  }
  // Where this workplace keeps them, for a checkout made elsewhere (a CI clone in /tmp).
  candidates.push('/work/shared/einvoice/validate.mjs');
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `validate.mjs of the official e-invoice rules not found (looked at ${candidates.join(', ')}); set EINVOICE_RULES_DIR`,
    );
  }
  return found;
}

export interface ValidationResult {
  file: string;
  errors: Array<{ id: string; flag: string; text: string }>;
}

/** Runs the official rules on the given XML documents; `en16931Only` skips the XRechnung CIUS. */
export function validateEInvoices(documents: Record<string, Buffer>, en16931Only = false): ValidationResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'einvoice-'));
  const files = Object.entries(documents).map(([name, bytes]) => {
    const file = join(dir, `${name}.xml`);
    writeFileSync(file, bytes);
    return file;
  });
  const args = [findValidator(), '--json', ...(en16931Only ? ['--en16931-only'] : []), ...files];
  let output: string;
  try {
    // saxon-js resolves from apps/api, where it is a devDependency.
    output = execFileSync(process.execPath, args, { cwd: apiDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    // Exit status 1 means "some rule failed": the JSON still lists them. Anything else is misuse.
    if (failed.status !== 1 || !failed.stdout) throw new Error(`validate.mjs failed: ${failed.stderr ?? error}`);
    output = failed.stdout;
  }
  return (JSON.parse(output) as ValidationResult[]).map((result) => ({
    ...result,
    file: result.file.replace(/^.*\//, '').replace(/\.xml$/, ''),
  }));
}

/** The embedded files of a PDF (name → bytes), read with pdf-lib. */
export async function embeddedFiles(pdf: Buffer): Promise<Record<string, Buffer>> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const names = document.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const list = tree?.lookupMaybe(PDFName.of('Names'), PDFArray);
  const files: Record<string, Buffer> = {};
  if (!list) return files;
  for (let index = 0; index < list.size(); index += 2) {
    const name = list.lookup(index) as PDFString;
    const spec = list.lookup(index + 1) as PDFDict;
    const ef = spec.lookup(PDFName.of('EF'), PDFDict);
    const stream = ef.lookup(PDFName.of('F')) as PDFRawStream;
    files[name.decodeText()] = Buffer.from(decodePDFRawStream(stream).decode());
  }
  return files;
}

/** The XMP metadata stream of a PDF as text. */
export async function xmpOf(pdf: Buffer): Promise<string> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const stream = document.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream | undefined;
  if (!stream) return '';
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8');
}
