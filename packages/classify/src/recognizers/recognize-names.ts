import { Category } from '../dictionaries/categories';
import type { Analysis } from '../engine/analysis';

/** Capitalized words that end a name because they name an organization or place instead. */
const NOT_SURNAME = new Set([
  'Inc',
  'LLC',
  'LLP',
  'Ltd',
  'Co',
  'Corp',
  'Group',
  'Systems',
  'Capital',
  'Bank',
  'Union',
  'Credit',
  'Health',
  'Plan',
  'Insurance',
  'Mutual',
  'Partners',
  'Foundation',
  'University',
  'College',
  'School',
  'Hospital',
  'Clinic',
  'Street',
  'Avenue',
  'Road',
  'Park',
  'Way',
  'Drive',
  'Lane',
  'Court',
  'Place',
  'City',
  'County',
  'The',
  'And',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'January',
  'February',
  'March',
  'April',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Project',
  'Operation',
  'Team',
  'Labs',
  'Lab',
  'Services',
  'Solutions',
  'Technologies',
  'Holdings',
  'Airlines',
  'Motors',
  'Foods',
  'Press',
  'Books',
  'Media',
  'Center',
  'Centre',
  'Hall',
  'Room',
  'Floor',
  'Building',
  'Office',
  'Department',
]);

/** A capitalized word (with accents, hyphens, apostrophes) at `index`; returns its end or -1. */
function capitalizedWordAt(text: string, index: number): number {
  const first = text.charCodeAt(index);
  if (!((first >= 65 && first <= 90) || (first >= 0xc0 && first <= 0xde))) return -1;
  let end = index + 1;
  let lower = 0;
  while (end < text.length && end - index < 30) {
    const code = text.charCodeAt(end);
    const isLetter =
      (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0x24f);
    if (isLetter) {
      if (code >= 97 && code <= 122) lower++;
      end++;
    } else if ((code === 45 || code === 39 || code === 0x2019) && end + 1 < text.length) {
      const next = text.charCodeAt(end + 1);
      if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) end++;
      else break;
    } else {
      break;
    }
  }
  if (end - index < 2 || lower === 0) return -1;
  return end;
}

/**
 * Person names: a first name from the dictionary followed by a capitalized surname (an initial
 * or a second given name may sit between), or a role cue ("patient", "Mr", "surname") followed by
 * two capitalized words. Always a weak signal: the rules use names as context for `phi` and
 * `pii`, never as the only evidence for a regulated label. Names near words like "president" or
 * "museum" count as public figures.
 */
export function recognizeNames(analysis: Analysis): void {
  const { text } = analysis;
  let lastEnd = -1;
  for (const hit of analysis.hits(Category.FirstName)) {
    analysis.work++;
    if (hit.start < lastEnd) continue;
    // Not a mid-word match; the first name itself must be Capitalized (not ALL CAPS).
    if (capitalizedWordAt(text, hit.start) !== hit.end) continue;
    let position = hit.end;
    let surnameEnd = -1;
    for (let step = 0; step < 3; step++) {
      if (text.charCodeAt(position) !== 32) break;
      let next = position + 1;
      // Middle initial "D."
      const code = text.charCodeAt(next);
      if (code >= 65 && code <= 90 && text.charCodeAt(next + 1) === 46 && text.charCodeAt(next + 2) === 32) {
        position = next + 2;
        continue;
      }
      const end = capitalizedWordAt(text, next);
      if (end < 0 || NOT_SURNAME.has(text.slice(next, end))) break;
      surnameEnd = end;
      position = end;
      next = end;
    }
    if (surnameEnd < 0) {
      // "Sutcliffe, Barnaby" / possessive forms are left to other identifiers.
      continue;
    }
    lastEnd = surnameEnd;
    const publicFigure = analysis.near(Category.PublicFigure, hit.start, surnameEnd, 120, 160);
    const cue = analysis.before(Category.NameCue, hit.start, 16);
    analysis.add({
      type: publicFigure ? 'public_figure_name' : 'person_name',
      label: 'pii',
      start: hit.start,
      end: surnameEnd,
      score: publicFigure ? 0.05 : cue ? 0.4 : 0.35,
      reasons: [
        { kind: 'dictionary', name: 'first-names' },
        ...(cue ? [{ kind: 'context' as const, words: [cue.entry.text] }] : []),
        ...(publicFigure ? [{ kind: 'context' as const, words: [publicFigure.entry.text] }] : []),
      ],
    });
  }
  // Role cue + two capitalized words ("Patient: Cyrus Rasmussen", "surname Ebersole").
  for (const hit of analysis.hits(Category.NameCue)) {
    analysis.work++;
    if (hit.start < lastEnd) continue;
    const cueWord = hit.entry.lower;
    // Prepositions are weak cues: they need two capitalized words followed by a comma, a
    // parenthesis, a possessive or a verb ("for Aleksandra Nowak, 72", "to Kofi Mensah's").
    const weakCue = cueWord === 'for';
    let position = hit.end;
    while (position < text.length && position - hit.end < 3 && /[\s:.,]/.test(text[position]!)) position++;
    const firstEnd = capitalizedWordAt(text, position);
    if (firstEnd < 0 || NOT_SURNAME.has(text.slice(position, firstEnd))) continue;
    let end = firstEnd;
    if (text.charCodeAt(firstEnd) === 32) {
      const secondEnd = capitalizedWordAt(text, firstEnd + 1);
      if (secondEnd > 0 && !NOT_SURNAME.has(text.slice(firstEnd + 1, secondEnd))) end = secondEnd;
    }
    const single = end === firstEnd;
    const surnameCue =
      cueWord === 'surname' ||
      cueWord === 'last name' ||
      cueWord === 'given name' ||
      cueWord === 'first name';
    if (single && !surnameCue) continue;
    if (
      weakCue &&
      !/^(?:,|\s?\(|'s\b|’s\b|\s(?:is|was|has|had|who|needs|needed|reports|presented|came|said)\b)/.test(
        text.slice(end, end + 12),
      )
    ) {
      continue;
    }
    lastEnd = end;
    analysis.add({
      type: 'person_name',
      label: 'pii',
      start: position,
      end,
      score: 0.4,
      reasons: [{ kind: 'context', words: [hit.entry.text] }],
    });
  }
}
