/**
 * Keyword categories the built-in recognizers and rules look up, as small integers: the analysis
 * groups hits in an array indexed by category. `CATEGORY_NAMES` gives each one's name (reported in
 * reasons).
 */
export const Category = {
  HealthCondition: 0,
  HealthDrug: 1,
  HealthProcedure: 2,
  HealthLab: 3,
  HealthCare: 4,
  HealthRole: 5,
  HealthUnit: 6,
  HealthIdContext: 7,
  HealthPlanContext: 8,
  MedicareContext: 9,
  ProviderContext: 10,
  FinAttribute: 11,
  SsnContext: 12,
  AccountContext: 13,
  RoutingContext: 14,
  CardContext: 15,
  IbanContext: 16,
  PinContext: 17,
  LegalBanner: 18,
  LegalPrivilegedWord: 19,
  LegalCounsel: 20,
  LegalSubstance: 21,
  LegalExclusion: 22,
  LegalGeneralQuestion: 23,
  ConfidentialMarker: 24,
  ConfidentialWeakMarker: 25,
  ConfidentialExclusion: 26,
  PublicRelease: 27,
  BusinessSensitive: 28,
  ForwardLooking: 29,
  OpenSourceLicense: 30,
  CredentialContext: 31,
  CredentialPrefix: 32,
  ConnectionScheme: 33,
  PrivateKeyBanner: 34,
  PlaceholderWord: 35,
  PhoneContext: 36,
  EmailContext: 37,
  AddressContext: 38,
  DobContext: 39,
  PassportContext: 40,
  LicenseContext: 41,
  VinContext: 42,
  NetworkContext: 43,
  FirstName: 44,
  NameCue: 45,
  PublicFigure: 46,
  StreetSuffix: 47,
  StreetPrefix: 48,
  UsState: 49,
  Month: 50,
  NumberWord: 51,
  DotWord: 52,
  NonPersonalNumber: 53,
  OrgCodename: 54,
  OrgCodenameCore: 55,
  OrgClient: 56,
  OrgDomain: 57,
  Custom: 58,
  /** ICD-10 codes found by the token recognizer (not a dictionary category; used by the health score). */
  HealthIcd10: 59,
} as const;

export type CategoryId = (typeof Category)[keyof typeof Category];

/** Category id → name (`health.condition`, `fin.attribute`...). */
export const CATEGORY_NAMES: readonly string[] = Object.freeze([
  'health.condition',
  'health.drug',
  'health.procedure',
  'health.lab',
  'health.care',
  'health.role',
  'health.unit',
  'health.id-context',
  'health.plan-context',
  'health.medicare-context',
  'health.provider-context',
  'fin.attribute',
  'fin.ssn-context',
  'fin.account-context',
  'fin.routing-context',
  'fin.card-context',
  'fin.iban-context',
  'fin.pin-context',
  'legal.banner',
  'legal.privileged-word',
  'legal.counsel',
  'legal.substance',
  'legal.exclusion',
  'legal.general-question',
  'ts.marker',
  'ts.weak-marker',
  'ts.exclusion',
  'ts.public-release',
  'ts.business',
  'ts.forward-looking',
  'ts.open-source',
  'cred.context',
  'cred.prefix',
  'cred.scheme',
  'cred.private-key',
  'cred.placeholder',
  'pii.phone-context',
  'pii.email-context',
  'pii.address-context',
  'pii.dob-context',
  'pii.passport-context',
  'pii.license-context',
  'pii.vin-context',
  'pii.network-context',
  'name.first',
  'name.cue',
  'name.public-figure',
  'address.street-suffix',
  'address.street-prefix',
  'address.us-state',
  'date.month',
  'number.word',
  'email.dot-word',
  'number.non-personal',
  'org.codename',
  'org.codename-core',
  'org.client',
  'org.domain',
  'custom',
  'health.icd10',
]);

export const CATEGORY_COUNT = CATEGORY_NAMES.length;

/** How a hit must look in the original text to count. */
export type CaseRule = 'any' | 'capitalized' | 'upper';

/** One dictionary entry: a phrase, what it signals, and how strongly. */
export interface DictionaryEntry {
  text: string;
  /** `text` in lower case (rules compare and deduplicate terms without allocating). */
  lower: string;
  category: CategoryId;
  weight: number;
  caseRule: CaseRule;
  /** Prefix match (a stem): the phrase may continue into a longer word. */
  prefix: boolean;
  /** Suffix match: the phrase may end a longer word (`*ectomy`). */
  suffix: boolean;
  /** Optional name reported in reasons (dictionary name for org terms, never the matched text). */
  source?: string;
}

/**
 * Expands a compact word list: entries separated by `|`; a trailing `*` marks a stem, a leading `*` a
 * word ending.
 */
export function entries(
  list: string,
  category: CategoryId,
  weight = 1,
  caseRule: CaseRule = 'any',
): DictionaryEntry[] {
  const out: DictionaryEntry[] = [];
  for (const raw of list.split('|')) {
    let text = raw.trim();
    if (text === '') continue;
    let prefix = false;
    let suffix = false;
    if (text.endsWith('*')) {
      prefix = true;
      text = text.slice(0, -1);
    }
    if (text.startsWith('*')) {
      suffix = true;
      text = text.slice(1);
    }
    out.push({ text, lower: text.toLowerCase(), category, weight, caseRule, prefix, suffix });
  }
  return out;
}
