/** UN/ECE Recommendation 20 unit codes for the units the portal's invoices use. */
const codes: Record<string, string> = {
  monat: 'MON',
  monate: 'MON',
  'std.': 'HUR',
  std: 'HUR',
  stunde: 'HUR',
  stunden: 'HUR',
  tag: 'DAY',
  tage: 'DAY',
  jahr: 'ANN',
  tb: 'E35',
  gb: 'E34',
  kwh: 'KWH',
  he: 'C62',
  stück: 'H87',
  stk: 'H87',
  'stk.': 'H87',
  pauschal: 'LS',
};

/** Unknown units count as "one" (C62); the description carries the unit's meaning. */
export function unitCodeOf(unit: string): string {
  return codes[unit.trim().toLowerCase()] ?? 'C62';
}
