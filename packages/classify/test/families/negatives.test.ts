import { describe, expect, it } from 'vitest';
import { labelsOf } from '../helpers/classify';

describe('hard negatives (look-alikes and innocent trigger words)', () => {
  it.each([
    [
      'version strings',
      'After bumping our build image from 6.5.30 to 12.33.19, npm install fails with ERESOLVE.',
    ],
    [
      'UUID and private IP',
      'request_id=18ea6711-d0f6-4dd7-8ffa-da604020e7dc upstream=10.0.3.17:8080 status=502 duration_ms=30001.',
    ],
    [
      'ISBN',
      'Format this as an APA citation: Foundations of Coastal Geomorphology, 2019, ISBN 978-1-3900-6204-5.',
    ],
    [
      'pallet ID failing Luhn',
      'Our scanner keeps misreading pallet label 5723 1204 8863 6314 as a different ID.',
    ],
    ['epoch timestamps', 'Convert these Unix timestamps to ISO 8601: 1728897563, 1708837039, 1721146952.'],
    ['ZIP+4', 'Write an Excel formula that splits ZIP+4 codes like 60700-6664 into two columns.'],
    ['build label', 'On iOS Safari our build label 2024.11.0347-8812 gets turned into a phone link.'],
    ['UPS tracking', "Tracking number 1Z 688 9LJ 01 7884 1818 has said 'Label Created' for six days."],
    ['USPS tracking', 'What does In Transit mean on USPS tracking 9205 9122 8919 1508 3591 69?'],
    ['order number', 'I ordered a standing desk (order # 114-0099594-7381778) and it arrived cracked.'],
    [
      'mail-merge placeholders',
      "Fix the grammar: 'Dear {{first_name}}, your acount ending in {{last4}} have been updated.'",
    ],
    [
      'generic finance',
      "What's the practical difference between a Roth IRA and a traditional IRA for someone in their late twenties?",
    ],
    ['generic legal', "What's the statute of limitations for breach of a written contract in California?"],
    [
      'generic Spanish medical',
      '¿Cuáles son los síntomas más comunes de la deficiencia de vitamina D en adultos?',
    ],
    ['nurse-to-patient ratio', "What's a typical nurse-to-patient ratio in US ICUs?"],
    [
      'long benign text',
      `Composting in small spaces is easier than most people think. ${'Keep the mix damp and stir it weekly. '.repeat(30)}`,
    ],
  ])('%s', (_name, text) => {
    expect(labelsOf(text)).toEqual([]);
  });
});
