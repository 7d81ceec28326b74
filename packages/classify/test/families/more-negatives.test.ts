import { describe, expect, it } from 'vitest';
import { labelsOf } from '../helpers/classify';

// More hard negatives (innocent uses of trigger words, public figures) and near positives, written
// for this package in the corpus's families.
const cases: Array<[string, string[]]> = [
  ['The confidential flag in our API marks messages as hidden; how do I set it in Python?', []],
  ['Explain the difference between proprietary and open-source software licenses.', []],
  ['Tom Hanks played a lawyer with AIDS in the film Philadelphia. Was it accurate?', []],
  ['In the TV show House, Gregory House treats patients with lupus. Is that realistic?', []],
  ["Our lawyer's office is closed Friday; please reschedule the meeting.", []],
  ['What should I ask a divorce attorney in the first consultation?', []],
  ['We are planning a team offsite in Q3 with a $5k budget. Suggest activities.', []],
  ['ghp_ prefixes identify GitHub classic tokens; what do gho_ ones mean?', []],
  ['Is it safe to share my password with a coworker?', []],
  ['Our patient intake form needs a field for date of birth. What format should it use?', []],
  [
    'Our proprietary formula for the coating is 40% binder and 18% TiO2; how can we cut VOCs?',
    ['trade_secret'],
  ],
  ['This roadmap is confidential: we will launch the Pro tier at $49 in May.', ['trade_secret']],
];

describe('more hard negatives and near positives', () => {
  it.each(cases)('%s', (text, expected) => {
    expect(labelsOf(text)).toEqual([...expected].sort());
  });
});
