import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../src/ingest/extraction/extract-indicators.js';

// Cases met while measuring extraction against the hand-labelled fixture and both public collections.
const phones = (text: string, region: 'GB' | 'IN' | 'AU' = 'GB') =>
  extractIndicators(text, region).phones.map(({ role, e164 }) => `${role} ${e164}`);
const urls = (text: string) => extractIndicators(text).urls.map(({ url }) => url);

describe('phone numbers, as measured on real messages', () => {
  it('splits two numbers joined by a comma, but never a price', () => {
    expect(phones('Guarantee Call 9891943823,9891943780', 'IN')).toEqual(['CALLBACK +919891943823', 'CALLBACK +919891943780']);
    expect(phones('renewed for $3,163.95. Call 0457 859 695', 'AU')).toEqual(['CALLBACK +61457859695']);
  });

  it('never reads a date as a number', () => {
    expect(phones('used on 29-11-2016 15:04:43 at APPLE. Call 03303800231')).toEqual(['CALLBACK +443303800231']);
  });

  it('drops an example number', () => {
    expect(phones('Txt LOVE NAME1 NAME2 MOBNO eg LOVE ADAM EVE 07123456789 to 87077')).toEqual([]);
  });

  it('reads the sender from "Message center", "has added you" and an international number opening the message', () => {
    expect(phones('Bloomberg -Message center +447797706008 Why wait?')).toEqual(['SENDER_ID +447797706008']);
    expect(phones('Hi, Mobile no. 8623458765 has added you in their contact list', 'IN')).toEqual(['SENDER_ID +918623458765']);
    expect(phones('+449071512431 URGENT! U have WON £1250 CALL 09071512433 b4 050703')).toEqual([
      'SENDER_ID +449071512431',
      'CALLBACK +449071512433',
    ]);
    expect(phones('08714712388 between 10am-7pm Cost 10p')).toEqual(['CALLBACK +448714712388']);
  });

  it('reads a number that opens the message and is then addressed as the reader', () => {
    const found = extractIndicators('44 7732584351, Do you want a New Nokia? reply or call 08000930705.', 'GB');
    expect(found.victimNumbers.map(({ e164 }) => e164)).toEqual(['+447732584351']);
    expect(found.phones.map(({ e164 }) => e164)).toEqual(['+448000930705']);
  });
});

describe('links, as measured on real messages', () => {
  it('rejoins a host split by a stray space', () => {
    expect(urls('Apply for your future http://careers. bloomberg.com')).toEqual(['http://careers.bloomberg.com/']);
    expect(urls('Goto http://doit. mymoby. tv/ to collect')).toEqual(['http://doit.mymoby.tv/']);
    expect(urls('Click http://tdbankmobile.cleanbeautytalk.c om/tdmobile Internet')).toEqual([
      'http://tdbankmobile.cleanbeautytalk.com/tdmobile',
    ]);
  });

  it('ends a link at U+FFFD', () => {
    expect(urls('Please continue via:https://ukhmrc-tax-refund.com\uFFFDto claim')).toEqual(['https://ukhmrc-tax-refund.com/']);
  });

  it('reads neither a quantity, a degree nor a price as a link or address', () => {
    const found = extractIndicators('plots 400sq.mtr, rate 5000@sq.mtr. BBA/B.SC.IT/BIO TECH. Mail 12345@qq.com');
    expect(found.urls.map(({ url }) => url)).toEqual([]);
    expect(found.emails.map(({ address }) => address)).toEqual(['12345@qq.com']);
  });
});

describe('short codes, as measured on real messages', () => {
  it('finds a code opening the message and one after "ans"', () => {
    expect(extractIndicators('85233 FREE>Ringtone!Reply REAL').shortCodes).toEqual(['85233']);
    expect(extractIndicators('a correct ans to 80062 Whats No1').shortCodes).toEqual(['80062']);
    expect(extractIndicators('34000 of pple marry their lovers').shortCodes).toEqual([]);
  });
});
