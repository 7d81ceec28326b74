/**
 * Benchmark inputs built from fixed templates (no corpus needed): realistic prompts of 0.5-4 KB,
 * 100 KB and 1 MB documents, and adversarial inputs.
 */
const PARAGRAPHS = [
  'Can you help me tidy up this team update before I send it on Friday? It feels too long and the tone is a bit stiff.',
  'The fourth-floor move is still on for the 18th; facilities will drop off crates on Tuesday afternoon, so please label everything with your new desk number.',
  'Patient Jordan Whitaker, DOB 03/14/1961, MRN 00482913, presented with worsening dyspnea; started furosemide 40 mg daily and scheduled an echocardiogram.',
  'Our floor price for enterprise deals over 500 seats is $18 per seat per month, and reps can go to $15 with VP approval.',
  'Please update billing for Marcus Ellery (m.ellery@mail.example.com): new card 4485 2755 7351 2104, exp 06/30.',
  'kubectl apply says the secret is invalid. DB_PASSWORD: "Pixel0895!rvi" and AWS_ACCESS_KEY_ID: AKIA3T42NR3TI3FTI7JZ are in the manifest.',
  'Counsel recommends we authorize up to $1.2M at mediation but open at $350K, because the damages expert is vulnerable on causation.',
  'Write a SQL query that returns the top 5 products by revenue for each month from an orders table, and explain the window function you used.',
  'The garden committee is looking for volunteers to help with the median plantings, and the book club meets on the last Tuesday of the month.',
  '2025-03-14T14:20:57Z INFO worker-3 job=e281a1b0-2a27-4a27-ba21-78ccb241f1f2 picked up shard 14/32 from queue ingest-v2 etag=45d0d361d41730da97b623f30c0d8a2e',
];

/** A prompt of about `bytes` bytes, cycling through realistic paragraphs from `offset`. */
export function prompt(bytes: number, offset = 0): string {
  let out = '';
  let index = offset;
  while (out.length < bytes) {
    out += PARAGRAPHS[index % PARAGRAPHS.length]! + '\n\n';
    index++;
  }
  return out.slice(0, bytes);
}

export function document(bytes: number): string {
  return prompt(bytes, 3);
}

/** Adversarial inputs: each must finish in <= 50 ms. */
export function adversarial(): Array<{ name: string; text: string }> {
  const mb = 1_000_000;
  return [
    { name: '1 MB of digits', text: '7'.repeat(mb) },
    { name: '1 MB of spaced digits', text: '4 '.repeat(mb / 2) },
    { name: '1 MB of dashed digit groups', text: '123-45-'.repeat(mb / 7) },
    { name: '1 MB of spaces', text: ' '.repeat(mb) },
    { name: '1 MB of dashes', text: '-'.repeat(mb) },
    { name: '1 MB of @', text: 'a@'.repeat(mb / 2) },
    { name: '10k near-miss privilege markers', text: 'privileged mode, '.repeat(10_000) },
    { name: '10k near-miss confidential markers', text: 'confidential informant; '.repeat(10_000) },
    { name: '10k near-miss key prefixes', text: 'AKIA sk- ghp_ eyJ xoxb- '.repeat(10_000) },
    { name: '10k password words', text: 'password password: '.repeat(10_000) },
    { name: '10k spelled dots', text: 'dot at dot '.repeat(10_000) },
    { name: '10k street words', text: '12 Park View Way Hill '.repeat(10_000) },
    { name: 'long base64 run', text: `eyJ${'A'.repeat(mb)}` },
    { name: 'long email-ish run', text: `${'a.'.repeat(mb / 4)}@${'b.'.repeat(mb / 4)}` },
  ];
}
