/**
 * Money rules of an invoice, in integer cents. Tax is computed once per rate on the sum of that
 * rate's net amounts (not per line), rounded half away from zero: the usual German practice, and
 * what makes "net per rate + tax per rate = gross" hold exactly on the document.
 */
export interface LineInput {
  quantity: number;
  unitPrice: number;
  taxRate: number;
}

export interface TaxRow {
  taxRate: number;
  net: number;
  tax: number;
  gross: number;
}

export interface InvoiceAmounts {
  lineNets: number[];
  taxes: TaxRow[];
  net: number;
  tax: number;
  gross: number;
}

/** Quantities carry at most three decimals; stored as integer thousandths. */
export function toQuantityMilli(quantity: number): number {
  return Math.round(quantity * 1000);
}

/** Half away from zero for a rational numerator/denominator (BigInt: no float drift). */
function roundDivide(numerator: bigint, denominator: bigint): number {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return Number(negative ? -rounded : rounded);
}

export function lineNet(quantityMilli: number, unitPrice: number): number {
  return roundDivide(BigInt(quantityMilli) * BigInt(unitPrice), 1000n);
}

/** `taxRate` in percent with at most one decimal (25.5), computed in tenths of a percent. */
export function taxOf(net: number, taxRate: number): number {
  return roundDivide(BigInt(net) * BigInt(Math.round(taxRate * 10)), 1000n);
}

export function computeAmounts(lines: LineInput[]): InvoiceAmounts {
  const lineNets = lines.map((line) => lineNet(toQuantityMilli(line.quantity), line.unitPrice));
  const netByRate = new Map<number, number>();
  lines.forEach((line, index) => {
    netByRate.set(line.taxRate, (netByRate.get(line.taxRate) ?? 0) + (lineNets[index] ?? 0));
  });
  const taxes = [...netByRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([taxRate, net]) => {
      const tax = taxOf(net, taxRate);
      return { taxRate, net, tax, gross: net + tax };
    });
  const net = taxes.reduce((sum, row) => sum + row.net, 0);
  const tax = taxes.reduce((sum, row) => sum + row.tax, 0);
  return { lineNets, taxes, net, tax, gross: net + tax };
}

/** A cancellation invoice reverses every amount of the original. */
export function negateTaxes(taxes: TaxRow[]): TaxRow[] {
  return taxes.map((row) => ({ taxRate: row.taxRate, net: -row.net, tax: -row.tax, gross: -row.gross }));
}
