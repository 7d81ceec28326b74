/** Keyword categories the built-in recognizers and rules look up. */
export const Category = {
  HealthCondition: 'health.condition',
  HealthDrug: 'health.drug',
  HealthProcedure: 'health.procedure',
  HealthLab: 'health.lab',
  HealthCare: 'health.care',
  HealthRole: 'health.role',
  HealthUnit: 'health.unit',
  HealthIdContext: 'health.id-context',
  HealthPlanContext: 'health.plan-context',
  MedicareContext: 'health.medicare-context',
  ProviderContext: 'health.provider-context',
  FinAttribute: 'fin.attribute',
  SsnContext: 'fin.ssn-context',
  AccountContext: 'fin.account-context',
  RoutingContext: 'fin.routing-context',
  CardContext: 'fin.card-context',
  IbanContext: 'fin.iban-context',
  PinContext: 'fin.pin-context',
  LegalBanner: 'legal.banner',
  LegalPrivilegedWord: 'legal.privileged-word',
  LegalCounsel: 'legal.counsel',
  LegalSubstance: 'legal.substance',
  LegalExclusion: 'legal.exclusion',
  LegalGeneralQuestion: 'legal.general-question',
  ConfidentialMarker: 'ts.marker',
  ConfidentialWeakMarker: 'ts.weak-marker',
  ConfidentialExclusion: 'ts.exclusion',
  PublicRelease: 'ts.public-release',
  BusinessSensitive: 'ts.business',
  ForwardLooking: 'ts.forward-looking',
  OpenSourceLicense: 'ts.open-source',
  CredentialContext: 'cred.context',
  CredentialPrefix: 'cred.prefix',
  ConnectionScheme: 'cred.scheme',
  PrivateKeyBanner: 'cred.private-key',
  PlaceholderWord: 'cred.placeholder',
  PhoneContext: 'pii.phone-context',
  EmailContext: 'pii.email-context',
  AddressContext: 'pii.address-context',
  DobContext: 'pii.dob-context',
  PassportContext: 'pii.passport-context',
  LicenseContext: 'pii.license-context',
  VinContext: 'pii.vin-context',
  NetworkContext: 'pii.network-context',
  FirstName: 'name.first',
  NameCue: 'name.cue',
  PublicFigure: 'name.public-figure',
  StreetSuffix: 'address.street-suffix',
  StreetPrefix: 'address.street-prefix',
  UsState: 'address.us-state',
  Month: 'date.month',
  NumberWord: 'number.word',
  DotWord: 'email.dot-word',
  NonPersonalNumber: 'number.non-personal',
  OrgCodename: 'org.codename',
  OrgCodenameCore: 'org.codename-core',
  OrgClient: 'org.client',
  OrgDomain: 'org.domain',
  Custom: 'custom',
} as const;

export type CategoryName = (typeof Category)[keyof typeof Category];

/** How a hit must look in the original text to count. */
export type CaseRule = 'any' | 'capitalized' | 'upper';

/** One dictionary entry: a phrase, what it signals, and how strongly. */
export interface DictionaryEntry {
  text: string;
  category: string;
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
  category: string,
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
    out.push({ text, category, weight, caseRule, prefix, suffix });
  }
  return out;
}
