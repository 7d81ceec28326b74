import { describe, expect, it } from 'vitest';
import { labelsOf, typesOf } from '../helpers/classify';

describe('pii family', () => {
  it.each([
    [
      'name + UK address + phone',
      'Please send the parcel to Wendell Stallworth, 116 Kingsley Mews, London SE15 4QT, tel. 020 7946 0464.',
    ],
    [
      'name + US address + phone',
      'My emergency contact is Thaddeus Madigan, (404) 555-0125, 2287 Kittredge Pl, Raleigh, NC 27695.',
    ],
    [
      'passport + DOB',
      'Fill in the visa form: surname Ebersole, given name Beatrix, passport number F17300809, date of birth 1978-11-28.',
    ],
    [
      'driver licence',
      "Book a rental car under Maribel Rasmussen, California driver's license O2274736, date of birth 12/05/1956.",
    ],
    ['spaced licence digits', 'Found wallet: it belongs to Rosalind Halloran, New York license 364 439 479.'],
    ['bracket email', 'contact: noreen.abernathy [at] example [dot] com, cell 646.555.0186.'],
    [
      'spelled email and phone',
      'reach my sister at paloma dot oyelaran at example dot net or at two zero six, five five five, zero one four three.',
    ],
    [
      'email only',
      'Write a friendly reminder to j.ferrante@post.example.org that the library books are overdue.',
    ],
    [
      'Spanish address',
      'Escribe una carta para Ainhoa Montesinos, con domicilio en Calle de Toledo 116, 4º B, 48001 Bilbao.',
    ],
    ['French contact', 'Apolline Chassagne, 7 allée des Tilleuls, 44000 Nantes, tél. 03 53 01 48 25.'],
    // New variants.
    [
      'variant: vCard-ish',
      'Add Ottilie Brandvold to contacts: ottilie.b@inbox.example.com, mobile +1 312 555 0199.',
    ],
    [
      'variant: birthday',
      'Remind me that my coworker Desmond Aldana was born on July 9, 1979 so I can order a cake.',
    ],
  ])('%s', (_name, text) => {
    expect(labelsOf(text)).toEqual(['pii']);
  });

  it('does not call a bare name in a neutral prompt pii', () => {
    expect(
      labelsOf('Write a 120-word museum placard about Ada Lovelace and her notes on the Analytical Engine.'),
    ).toEqual([]);
  });

  it('does not call a business toll-free number pii', () => {
    expect(
      labelsOf("Our bakery's order line is 1-800-555-0142. Write a voicemail greeting with our hours."),
    ).toEqual([]);
  });

  it('finds addresses, phones and emails as separate detectors', () => {
    expect(
      typesOf(
        'Tobias Kaminski, 3582 Hartwell St, Dayton, OH 45425 | (720) 555-0139 | tobias_kaminski@mail.example.com',
      ),
    ).toEqual(expect.arrayContaining(['street_address', 'phone_number', 'email_address']));
  });
});
