/**
 * The SEPA Latin character set (EPC/DK): `a-z A-Z 0-9 / - ? : ( ) . , ' +` and space. Banks reject
 * files with anything else, so every text that goes into a pain.008 passes through here.
 */
const TRANSLITERATIONS: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  œ: 'oe',
  Œ: 'OE',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'TH',
  '&': '+',
  '@': '(at)',
  '€': 'EUR',
  _: '-',
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '"': "'",
  '“': "'",
  '”': "'",
  '„': "'",
};

const ALLOWED = /[A-Za-z0-9/\-?:().,'+ ]/;

/** Text in the SEPA set: umlauts spelled out, accents dropped, anything else a space; spaces collapsed. */
export function toSepaText(text: string, maxLength: number): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const mapped = TRANSLITERATIONS[char];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    if (ALLOWED.test(char)) {
      out += char;
      continue;
    }
    // Accented Latin letters lose their accent (é → e); what is left outside the set becomes a space.
    const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += base.length === 1 && ALLOWED.test(base) ? base : ' ';
  }
  return out.replace(/\s+/g, ' ').trim().slice(0, maxLength).trim();
}

/** Ids (MsgId, PmtInfId, EndToEndId): the SEPA set without spaces, at most 35, not starting with `/`, no `//`. */
export function isSepaId(id: string): boolean {
  return /^[A-Za-z0-9\-?:().,'+][A-Za-z0-9/\-?:().,'+]{0,34}$/.test(id) && !id.includes('//');
}
