import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

/**
 * The ISO 20022 schemas the portal writes and reads (copied from the published message
 * definitions; `schemas/` beside this file, `dist/schemas` in the bundle). libxml2's validator,
 * compiled to WebAssembly (xmllint-wasm), checks files against them in-process: no system package,
 * no file system or network access for the document.
 */
export type IsoSchema = 'pain.008.001.02' | 'camt.053.001.08';

const loaded = new Map<IsoSchema, string>();

function schemaText(name: IsoSchema): string {
  let text = loaded.get(name);
  if (!text) {
    text = readFileSync(new URL(`./schemas/${name}.xsd`, import.meta.url), 'utf8');
    loaded.set(name, text);
  }
  return text;
}

export const namespaceOf = (name: IsoSchema) => `urn:iso:std:iso:20022:tech:xsd:${name}`;

export interface SchemaCheck {
  valid: boolean;
  /** xmllint's messages, without file names. */
  errors: string[];
}

/** Validates a document against one of the schemas; up to 256 MiB of WebAssembly memory for large files. */
export async function validateAgainst(name: IsoSchema, xml: string): Promise<SchemaCheck> {
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [{ fileName: `${name}.xsd`, contents: schemaText(name) }],
    maxMemoryPages: 4096,
  });
  return { valid: result.valid, errors: result.errors.map((error) => error.message) };
}
