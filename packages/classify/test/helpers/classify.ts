import { createClassifier } from '../../src/index';

/** The organization config the corpus assumes (synthetic names). */
export const ORG = {
  codenames: [
    'Project Nightjar',
    'ARGONAUT-7',
    'Project Saltmarsh',
    'CINDERWOOD',
    'Operation Tidewell',
    'VELVET HARBOR',
  ],
  clients: [
    'Pellucid Freight Systems',
    'Oxbury & Lane Capital',
    'Vantorra Biologics',
    'Glenmarrow Mutual Insurance',
    'Kestrelwyn Aerospace',
  ],
  internalDomains: ['corp.example-co.com', 'eng.example-co.internal', 'vpn.example-co.net'],
};

export const classifier = createClassifier({ org: ORG });

/** Labels of a text, sorted. */
export function labelsOf(text: string): string[] {
  return [...classifier.classify(text).labels].sort();
}

/** Finding types of a text. */
export function typesOf(text: string): string[] {
  return [...new Set(classifier.classify(text).findings.map((finding) => finding.type))].sort();
}
