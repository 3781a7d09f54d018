import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../format';
import { type ContractEndMove, contractEndMoved } from './contracts';

const move = (previousEndDate: string, endDate: string, movedOn = '2026-12-02'): ContractEndMove => ({
  customerName: 'Erika Mustermann',
  contractNumber: 'V-100002',
  productName: 'Cloud-Server M',
  previousEndDate,
  endDate,
  reason: 'Falsches Datum erfasst.',
  movedOn,
});
const sentence = (params: ContractEndMove, language: 'de' | 'en') =>
  contractEndMoved.render[language](params).paragraphs[0];

describe('contract.end_moved: the tense of each date is that of the day of the move', () => {
  it('moves a future end to another future day, as before', () => {
    const params = move('2027-03-31', '2027-06-30');
    expect(sentence(params, 'de')).toBe(
      'Ihr Vertrag V-100002 („Cloud-Server M“) endet nicht wie bisher mitgeteilt zum 31.03.2027, sondern zum 30.06.2027.',
    );
    expect(sentence(params, 'en')).toBe(
      'Your contract V-100002 (“Cloud-Server M”) no longer ends on 31 March 2027 as previously notified, but on 30 June 2027.',
    );
  });

  it('says that a contract ended on a past day when staff move its end before today', () => {
    const params = move('2027-03-31', '2026-11-30');
    expect(sentence(params, 'de')).toBe(
      'Ihr Vertrag V-100002 („Cloud-Server M“) endet nicht wie bisher mitgeteilt zum 31.03.2027, sondern endete bereits am 30.11.2026.',
    );
    expect(sentence(params, 'en')).toBe(
      'Your contract V-100002 (“Cloud-Server M”) no longer ends on 31 March 2027 as previously notified, but already ended on 30 November 2026.',
    );
  });

  it('tells both dates in the past when an ended contract ended on another past day', () => {
    const params = move('2026-10-31', '2026-11-15');
    expect(sentence(params, 'de')).toBe(
      'Ihr Vertrag V-100002 („Cloud-Server M“) endete nicht wie bisher mitgeteilt am 31.10.2026, sondern am 15.11.2026.',
    );
    expect(sentence(params, 'en')).toBe(
      'Your contract V-100002 (“Cloud-Server M”) did not end on 31 October 2026 as previously notified, but on 15 November 2026.',
    );
  });

  it('says that an ended contract runs on when its end moves to a future day', () => {
    const params = move('2026-10-31', '2027-01-31');
    expect(sentence(params, 'de')).toBe(
      'Ihr Vertrag V-100002 („Cloud-Server M“) endete nicht wie bisher mitgeteilt am 31.10.2026, sondern läuft bis zum 31.01.2027 weiter.',
    );
    expect(sentence(params, 'en')).toBe(
      'Your contract V-100002 (“Cloud-Server M”) did not end on 31 October 2026 as previously notified, but continues until 31 January 2027.',
    );
  });

  it('counts the day of the move itself as still to come: the contract ends at the end of it', () => {
    expect(sentence(move('2027-03-31', '2026-12-02'), 'de')).toContain('sondern zum 02.12.2026.');
    expect(sentence(move('2026-12-02', '2027-01-31'), 'en')).toContain('no longer ends on 2 December 2026');
  });

  it('never names a past day with "endet … zum" or "ends on", whatever the dates', () => {
    const day = fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (previousEndDate, endDate, movedOn) => {
        fc.pre(previousEndDate !== endDate);
        const params = move(previousEndDate, endDate, movedOn);
        const de = sentence(params, 'de') ?? '';
        const en = sentence(params, 'en') ?? '';
        for (const date of [previousEndDate, endDate]) {
          const passed = date < movedOn;
          expect(de.includes(`zum ${formatDate(date, 'de')}`)).toBe(!passed);
          expect(de.includes(`am ${formatDate(date, 'de')}`)).toBe(passed);
          if (passed) expect(en).not.toMatch(new RegExp(`(ends|until) ${formatDate(date, 'en')}`));
        }
        expect(de.includes('endete')).toBe(previousEndDate < movedOn || endDate < movedOn);
        expect(/\bended\b|did not end/.test(en)).toBe(previousEndDate < movedOn || endDate < movedOn);
      }),
    );
  });
});
