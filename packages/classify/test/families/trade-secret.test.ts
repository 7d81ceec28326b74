import { describe, expect, it } from 'vitest';
import { labelsOf } from '../helpers/classify';

describe('trade_secret family', () => {
  it.each([
    [
      'org codename',
      "Write a kickoff agenda for Thursday's Project Nightjar working session.",
      ['trade_secret'],
    ],
    [
      'org codename in caps',
      'Rewrite for clarity: VELVET HARBOR go/no-go moved to the 14th.',
      ['trade_secret'],
    ],
    [
      'org client',
      'What questions should I prepare before the Oxbury & Lane Capital renewal call?',
      ['trade_secret'],
    ],
    [
      'marking',
      'INTERNAL ONLY — DO NOT DISTRIBUTE. Q3 roadmap: we will sunset the Basic tier on Jan 31.',
      ['trade_secret'],
    ],
    [
      'German marking',
      'VERTRAULICH – NUR FÜR DEN INTERNEN GEBRAUCH. Neue Rabattstaffel für 2026: ab 250 Lizenzen 12 %.',
      ['trade_secret'],
    ],
    [
      'proprietary header',
      '# Copyright (c) 2025 Example Co., Inc. All rights reserved.\n# PROPRIETARY AND CONFIDENTIAL.\ndef quote(): pass',
      ['trade_secret'],
    ],
    [
      'pricing strategy',
      'Our floor price for enterprise deals over 500 seats is $18 per seat per month. Write a negotiation playbook.',
      ['trade_secret'],
    ],
    [
      'M&A',
      "We're planning to offer 6x ARR (about $240M) for Lindqvist Robotics before they close their Series C. Outline the board memo.",
      ['trade_secret'],
    ],
    [
      'unreleased',
      'Write launch copy for our unannounced Aero X2 earbuds: $179, embargoed until the event.',
      ['trade_secret'],
    ],
    // New variants.
    [
      'variant: cost and margin',
      'Our BOM cost for the Halo lamp is $14.20 and we sell to distributors at $39; draft a reply to the supplier asking for 5% off.',
      ['trade_secret'],
    ],
    [
      'variant: marked confidential',
      'Confidential: the Q3 churn analysis shows 11% logo churn in the SMB segment. Draft talking points for the exec review.',
      ['trade_secret'],
    ],
    [
      'variant: client in a long email',
      `Hi all,\n\nQuick logistics for next week. ${'The offsite agenda is attached and lunch is at noon. '.repeat(10)}Also, the Kestrelwyn Aerospace team lands Tuesday; please prepare the demo.\n\nThanks`,
      ['trade_secret'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(labelsOf(text)).toEqual([...expected].sort());
  });

  it.each([
    [
      'confidential informant',
      'In my mystery novel, the detective meets a confidential informant in a diner. Give me five lines of dialogue.',
    ],
    ['Secret Santa', 'Suggest Secret Santa gift ideas under $25 for an office of about 30 people.'],
    [
      'open-source header',
      '// SPDX-License-Identifier: MIT\n// Copyright (c) 2019 Quokka Contributors\nexport function debounce(fn, wait) {}',
    ],
    [
      'codename look-alike',
      'Why did Jason and the Argonauts sail for the Golden Fleece? Summarize the myth.',
    ],
    [
      'public press release',
      'FOR IMMEDIATE RELEASE\nCorvane Outdoor Group (NYSE: CVOG) today reported fourth-quarter revenue of $412.6 million. Our teams delivered.',
    ],
    [
      'hiring post',
      "Draft a LinkedIn post announcing that we're hiring a senior data engineer (remote, US time zones).",
    ],
  ])('is not trade_secret: %s', (_name, text) => {
    expect(labelsOf(text)).not.toContain('trade_secret');
  });
});
