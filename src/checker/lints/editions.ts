// Lint: each edition's summary is short enough to read at a glance (a tl;dr of at most 60 words, the
// Smart Brevity habit), its publication time is written with its own zone's offset, since replies show the
// date that time carries, its folder is named by that date (readers ask for it by that name), and a What's
// next item that names a day names its timeline events, so that replies can say when that day has passed.
import { currentOffset } from '../../time/zones.js';
import type { Lint } from '../lint.js';

export const MAX_TLDR_WORDS = 60;

const MONTH = '(?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz]|d[ée]c|janv|f[ée]v|avr|juil|ao[uû])[a-zéû]*\\.?';
/** `26 Nov`, `Dec 1`, `1. Dezember`, `2025-12-01`, `week of`: a day a reader will see pass. */
const NAMES_A_DAY = new RegExp(`\\b\\d{1,2}\\.? ${MONTH}(?=\\W|$)|\\b${MONTH} \\d{1,2}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\bweek of\\b`, 'i');

export const editionSummaries: Lint = ({ briefing, locator }) =>
  briefing.content.editions.flatMap((edition) => {
    const findings = [];
    const words = edition.summary.tldr.split(/\s+/).filter(Boolean).length;
    if (words > MAX_TLDR_WORDS) {
      findings.push(locator.finding('edition', edition.id, ['summary', 'tldr'], `the tl;dr has ${words} words; keep it to ${MAX_TLDR_WORDS} at most (move detail to key points)`, 'error'));
    }
    const written = /([+-]\d{2}:\d{2}|Z)$/.exec(edition.published)?.[1];
    const expected = currentOffset(edition.timeZone, new Date(edition.published));
    if (written !== undefined && (written === 'Z' ? '+00:00' : written) !== expected) {
      findings.push(
        locator.finding('edition', edition.id, ['published'], `written with offset ${written}, but ${edition.timeZone} was at ${expected} then: write the local time with ${expected}`, 'error'),
      );
    }
    // With the zone's own offset, the local date is the one written.
    const date = edition.published.slice(0, 10);
    if (written !== undefined && date !== edition.id) {
      findings.push(locator.finding('edition', edition.id, ['published'], `published on ${date}, but its folder is editions/${edition.id}/: name the folder by the edition's date, or correct \`published\``, 'error'));
    }
    edition.summary.whatsNext.forEach((item, index) => {
      if (typeof item === 'string' && NAMES_A_DAY.test(item)) {
        findings.push(
          locator.finding('edition', edition.id, ['summary', 'whatsNext', index], "names a day but no timeline event: write it as { text, events: [<event ids>] }, so that replies say when that day has passed with no later report, as /timeline does", 'warning'),
        );
      }
    });
    return findings;
  });
