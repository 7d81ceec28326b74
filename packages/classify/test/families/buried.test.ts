import { describe, expect, it } from 'vitest';
import { labelsOf } from '../helpers/classify';
import { withLuhn } from '../helpers/numbers';

const filler = (sentences: number) =>
  Array.from(
    { length: sentences },
    (_, index) =>
      `Item ${index + 1}: the team reviewed the schedule, agreed on owners and moved the follow-up to next week.`,
  ).join(' ');

describe('findings buried in long texts', () => {
  it('finds a card number in a log line of a post-mortem', () => {
    const card = withLuhn('451234567890123');
    const text = `Please polish this timeline.\n\n${filler(12)}\n14:21 ERROR payment.authorize card=${card} exp=01/30\n${filler(12)}`;
    expect(labelsOf(text)).toEqual(['npi']);
  });

  it('finds an HL7 segment with a patient inside a developer question', () => {
    const text = `Our HL7 listener drops some ADT messages. ${filler(8)}\nPID|1||00063030^^^NCH^MR||Sutcliffe^Barnaby||1972-09-29|F|||6353 Cedar Bluff Ter, Madison, WI 53795||512-555-0170\nDG1|1||I48.91^Unspecified atrial fibrillation^I10|||A\n${filler(8)}`;
    expect(labelsOf(text)).toEqual(['phi', 'pii']);
  });

  it('finds counsel advice quoted in sprint notes', () => {
    const text = `Retro notes. ${filler(10)} License follow-up (pasted from outside counsel's email, attorney-client privileged): "We recommend replacing the library before launch." ${filler(10)}`;
    expect(labelsOf(text)).toEqual(['privileged']);
  });

  it('finds a password in the middle of a troubleshooting question', () => {
    const text = `Our printer keeps dropping off the network. ${filler(10)} For reference, the admin page login is admin / Xq7~Lm2Pz9Rt in case you need it. ${filler(10)}`;
    expect(labelsOf(text)).toEqual(['credentials']);
  });

  it("finds a neighbour's address and phone in a newsletter", () => {
    const text = `Neighborhood news. ${filler(10)} Please welcome Calvin Ilunga, who moved into 343 Hartwell St, Spokane, WA 99243; text him at (614) 555-0122. ${filler(10)}`;
    expect(labelsOf(text)).toEqual(['pii']);
  });

  it('finds an internal pricing note inside a public blog draft', () => {
    const text = `Five lessons from building hardware. ${filler(8)} [internal note — remove before publishing: launch price will be $249 and retail partners get 38% margin.] ${filler(8)}`;
    expect(labelsOf(text)).toEqual(['trade_secret']);
  });
});
