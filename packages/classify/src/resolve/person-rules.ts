import { CATEGORY_NAMES, Category } from '../dictionaries/categories';
import type { Analysis, Hit } from '../engine/analysis';
import type { Candidate } from '../types';

import { capped, push, strongish } from './rule-helpers';

/** Identifier types that make text about a specific person. */
const PERSON_IDENTIFIERS = new Set([
  'email_address',
  'phone_number',
  'street_address',
  'postal_address',
  'date_of_birth',
  'us_ssn',
  'us_itin',
  'us_ssn_last4',
  'passport_number',
  'drivers_license',
  'medical_record_number',
  'medicare_mbi',
  'health_plan_id',
  'uk_nhs_number',
  'bank_account',
  'credit_card',
  'iban',
  'vehicle_vin',
]);
/** Identifiers that tie financial facts to a person (financial identifiers themselves are already `npi`). */
const CONTACT_IDENTIFIERS = new Set([
  'email_address',
  'phone_number',
  'street_address',
  'postal_address',
  'date_of_birth',
  'us_ssn',
  'us_itin',
  'us_ssn_last4',
  'passport_number',
  'drivers_license',
]);
const DIRECT_NPI = new Set([
  'credit_card',
  'us_ssn',
  'us_itin',
  'aba_routing',
  'bank_account',
  'iban',
  'card_pin',
  'us_ssn_last4',
]);

const STRONG_PLAN_CONTEXT =
  /versicherten|krankenversicherung|member id|subscriber|insurance id|health plan|medicaid|medicare|mbi|tarjeta sanitaria|afiliaci|carte vitale|sécurité sociale/i;
/**
 * Rules about people: health-plan numbers (with health context), an identifiable person plus
 * health information → `phi`, a person plus financial facts → `npi` (payment for care stays `phi`),
 * and names as `pii` beside `phi`/`npi` facts about the person.
 */
export function applyPersonRules(analysis: Analysis, health: { score: number; hits: Hit[] }): void {
  // Health plan numbers need health context unless the word itself is specific.
  for (const mark of capped(analysis.planIds)) {
    const strong = STRONG_PLAN_CONTEXT.test(mark.context ?? '');
    if (!strong && health.score < 0.5) continue;
    push(analysis, {
      type: 'health_plan_id',
      label: 'phi',
      start: mark.start,
      end: mark.end,
      score: strong ? 0.9 : 0.8,
      reasons: [{ kind: 'context', words: [mark.context ?? ''] }],
    });
  }

  // One pass over the candidates so far: identifiers (types in order of first appearance), names,
  // contact identifiers, direct NPI.
  const candidates = analysis.candidates;
  let identifierCount = 0;
  const identifierTypes: string[] = [];
  let contact = false;
  let directNpi = false;
  const names: Candidate[] = [];
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index]!;
    const type = candidate.type;
    if (type === 'person_name') names.push(candidate);
    if (!strongish(candidate)) continue;
    if (PERSON_IDENTIFIERS.has(type)) {
      identifierCount++;
      if (!identifierTypes.includes(type)) identifierTypes.push(type);
      if (CONTACT_IDENTIFIERS.has(type)) contact = true;
    }
    if (DIRECT_NPI.has(type)) directNpi = true;
  }

  // PHI: an identifiable person plus health information.
  if (health.score >= 1 && (identifierCount > 0 || names.length > 0)) {
    const withTypes = names.length > 0 ? [...identifierTypes, 'person_name'] : identifierTypes.slice();
    const hits = health.hits;
    for (let index = 0; index < hits.length && index < 24; index++) {
      const hit = hits[index]!;
      push(analysis, {
        type: 'health_information',
        label: 'phi',
        start: hit.start,
        end: hit.end,
        score: hit.entry.weight >= 0.7 ? 0.8 : 0.55,
        reasons: [
          { kind: 'dictionary', name: CATEGORY_NAMES[hit.entry.category]! },
          { kind: 'combination', with: withTypes },
        ],
      });
    }
  }

  // NPI from financial facts about a person (payment for care stays PHI).
  const finHits = analysis.hits(Category.FinAttribute);
  const hasNumbers = analysis.scan.groups.length > 0 || analysis.scan.money.length > 0;
  if (
    finHits.length > 0 &&
    hasNumbers &&
    (contact || names.length > 0 || directNpi) &&
    (health.score < 1 || directNpi)
  ) {
    const withTypes = names.length > 0 ? [...identifierTypes, 'person_name'] : identifierTypes.slice();
    for (let index = 0; index < finHits.length && index < 24; index++) {
      const hit = finHits[index]!;
      push(analysis, {
        type: 'financial_information',
        label: 'npi',
        start: hit.start,
        end: hit.end,
        score: 0.75,
        reasons: [
          { kind: 'dictionary', name: 'financial-attributes' },
          { kind: 'combination', with: withTypes },
        ],
      });
    }
  }

  // Names count as PII beside PHI or NPI about the person.
  if (names.length === 0) return;
  let personalRegulated = false;
  for (let index = 0; index < candidates.length && !personalRegulated; index++) {
    const candidate = candidates[index]!;
    personalRegulated =
      (candidate.label === 'phi' || candidate.label === 'npi') &&
      candidate.score >= 0.5 &&
      candidate.type !== 'us_npi';
  }
  if (personalRegulated) {
    for (const name of names) {
      name.score = Math.max(name.score, 0.6);
      name.reasons.push({ kind: 'combination', with: ['phi-or-npi'] });
    }
  }
}
