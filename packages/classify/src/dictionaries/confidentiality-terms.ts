import { Category, entries } from './categories';

/** Confidentiality markings and phrases that mark business information as not public. */
export const CONFIDENTIAL_MARKER_ENTRIES = entries(
  [
    'confidential|strictly confidential|highly confidential|company confidential|business confidential|confidential information|confidential and proprietary|proprietary and confidential|proprietary & confidential|proprietary|proprietary information|trade secret|trade secrets',
    "internal only|internal use only|for internal use|internal use|internal — do not distribute|internal - do not distribute|do not distribute|not for distribution|not for external distribution|do not share|do not forward|do not circulate|do not disclose|don't share|don't mention|do not mention|do not discuss|don't discuss|not to be shared|eyes only|board of directors only|board only|executives only|leadership only|under NDA|embargoed|embargo|unreleased|unannounced|not yet announced|not yet public|never published|before we announce|before announcement|until launch|until the announcement|until announcement|internal note|remove before publishing|all rights reserved",
    'vertraulich|streng vertraulich|nur für den internen gebrauch|nur intern|interne verwendung|betriebsgeheimnis|geschäftsgeheimnis|nicht weitergeben|confidentiel|strictement confidentiel|usage interne|diffusion restreinte|ne pas diffuser|secret des affaires|confidencial|estrictamente confidencial|uso interno|solo para uso interno|no distribuir|secreto comercial',
  ].join('|'),
  Category.ConfidentialMarker,
);

/** Senses of "confidential" / "secret" that are not business confidentiality. */
export const CONFIDENTIAL_EXCLUSION_ENTRIES = entries(
  "confidential informant|confidential source|confidential sources|confidentiality agreement|confidential therapy|confidential hotline|confidential counseling|confidential helpline|kept confidential by law|secret santa|the secret to|secret ingredient|secret garden|secret service|open secret|top secret clearance|Victoria's Secret|confidentiality notice|this email is confidential|intended only for the named recipient|intended recipient",
  Category.ConfidentialExclusion,
);

/** Markers of information already public. */
export const PUBLIC_RELEASE_ENTRIES = entries(
  'for immediate release|press release|today reported|today announced|NYSE|NASDAQ|investor relations|publicly traded|public filing|10-K|10-Q|annual report|webcast|as announced|publicly announced|published|open-source|open source|Wikipedia',
  Category.PublicRelease,
);

/** Open-source license headers (copyright lines that are not proprietary). */
export const OPEN_SOURCE_ENTRIES = entries(
  'SPDX-License-Identifier|Licensed under the Apache License|Apache License|MIT License|Permission is hereby granted|GNU General Public License|GPL|BSD license|Mozilla Public License|Creative Commons|The Authors|Contributors|licensed under',
  Category.OpenSourceLicense,
);

/** Business topics that are sensitive when they are one's own, unannounced plans or numbers (weight 1: strong). */
export const BUSINESS_SENSITIVE_ENTRIES = [
  ...entries(
    [
      'floor price|price floor|walk-away price|pricing strategy|pricing committee|discount matrix|discount schedule|rabattstaffel|discount approval|VP approval|launch price|undercut|undercutting|gross margin|margins|BOM cost|landed cost|COGS|unit cost|cost per unit|supplier quote|counter-proposal|rate card',
      'comp bands|compensation bands|salary bands|pay bands|offer rationale|headcount plan|reduction in force|layoffs|hiring freeze|retention pool|retention bonus',
      'acquisition|acquire|acquired|acquiring|merger|M&A|exclusive talks|term sheet|letter of intent|due diligence|valuation|6x ARR|deal team|integration planning|synergies|board memo|board deck',
      'below guidance|above guidance|earnings call|win/loss|win-loss|customer list|key-contact list|churn model|ranking model|model weights|source code|formulation|rub recipe|secret recipe|manufacturing yield|test chip|schematics',
    ].join('|'),
    Category.BusinessSensitive,
    1,
  ),
  ...entries(
    'margin|BOM|RIF|layoff|restructuring|ARR|MRR|Series A|Series B|Series C|investors|teaser|signing|roadmap|product roadmap|launch plan|launch date|go-to-market|sunset|PRD|product requirements|target release|pilot results|go/no-go|design freeze|revenue|guidance|earnings|bookings|forecast|quarterly results|lost deals|churn|renewal|renewals|algorithm|formula|recipe|yield|firmware|list price|price increase',
    Category.BusinessSensitive,
    0.5,
  ),
];

/** First-person plans that are not yet public. */
export const FORWARD_LOOKING_ENTRIES = entries(
  "we plan|we're planning|we are planning|we plan to|planning to offer|we will|we'll|we intend|we expect|target|targeted|next quarter|in Q1|in Q2|in Q3|in Q4|before we|until we|launches|will launch|upcoming|next-generation|cut-over|go-live|our|we|us|nuestro|nuestra|unser|unsere|notre|nos",
  Category.ForwardLooking,
);
