import { Category, entries } from './categories';

/** Privilege banners and explicit privilege phrases (strong on their own). */
export const LEGAL_BANNER_ENTRIES = entries(
  [
    'attorney-client privileged|attorney client privileged|attorney-client privilege applies|attorney-client communication|attorney client communication|attorney-client communications',
    'privileged and confidential|privileged & confidential|privileged confidential|confidential and privileged|privileged & confidential attorney|privileged communication|privileged memo|privileged memorandum|privileged legal|privileged — do not forward|privileged do not forward|keep it privileged|marked privileged|privileged review|privilege review|privilege log',
    'attorney work product|work product|prepared at the direction of counsel|at the direction of counsel|prepared in anticipation of litigation|in anticipation of litigation|for counsel only|for counsel review|counsel review only|legal advice privileged|request for legal advice|requests for legal advice|litigation hold|legal hold',
    'confidencial comunicación abogado-cliente|comunicación abogado-cliente|abogado-cliente|secreto profesional|privilegio abogado|correspondance avocat-client|avocat-client|secret professionnel|confidentialité avocat|Anwaltsgeheimnis|anwaltliche Korrespondenz|Mandantenkorrespondenz|Anwalt-Mandanten|vertrauliche Rechtsberatung',
  ].join('|'),
  Category.LegalBanner,
);

/** The bare word, judged by its neighbours. */
export const LEGAL_PRIVILEGED_WORD_ENTRIES = entries(
  'privileged|privilege|privilegiado|privilégié|privilegiert',
  Category.LegalPrivilegedWord,
);

/** One's own legal counsel (relational: our / my / outside / in-house counsel, counsel's advice). */
export const LEGAL_COUNSEL_ENTRIES = entries(
  [
    "our counsel|my counsel|your counsel|as your counsel|outside counsel|in-house counsel|general counsel|our GC|the GC|GC's|counsel's|counsel advised|counsel advises|counsel recommends|counsel recommended|counsel asked|counsel thinks|counsel says|counsel said|counsel wants|counsel estimates|counsel believes|from counsel|with counsel|to counsel|counsel only",
    "our attorney|my attorney|our attorneys|our lawyer|my lawyer|our lawyers|our legal counsel|legal counsel|litigation counsel|employment counsel|patent counsel|trial counsel|defense counsel|bankruptcy attorney|employment lawyer|our employment lawyer|divorce attorney|trial team|litigation group|LLP|law firm|Esq|attorneys at law|legal department|legal team|Legal Department|legal update|per your advice|your advice|her advice|his advice|counsel's advice|counsel's notes|counsel's markup|counsel's view",
    'nuestro abogado|mi abogado|nuestra abogada|mi abogada|notre avocat|mon avocat|notre avocate|Maître|unser Anwalt|mein Anwalt|unsere Anwältin|meine Anwältin|Rechtsanwalt|Rechtsanwältin|Kanzlei',
  ].join('|'),
  Category.LegalCounsel,
);

/** Legal substance: advice, disputes, strategy. */
export const LEGAL_SUBSTANCE_ENTRIES = entries(
  [
    'advice|advised|advise|advises|recommend|recommends|recommended|recommendation|strategy|exposure|liability|claim|claims|lawsuit|litigation|litigate|dispute|settlement|settle|mediation|arbitration|motion|motion to dismiss|motion to compel|summary judgment|Daubert|deposition|depositions|discovery|discoverable|subpoena|complaint|plaintiff|defendant|damages|court|judge|trial|verdict|appeal|injunction|TRO|cease-and-desist|demand letter|reservation-of-rights|indemnity|breach|counterclaim|class action|EEOC|OSHA|retaliation|misappropriation|infringe|infringement|patent|patents|design-around|enforceable|unenforceable|non-compete|NDA|privilege|privileged|self-disclose|voluntary disclosure|investigation|investigative demand|SEC inquiry|DOJ|FCPA|BIS|export-control|violation|violates|regulator|penalty|penalties|risk matrix|case assessment|defense|malpractice|standard-of-care|separation agreement|operating agreement|drag-along|redline|markup|MSA|contract|lease dispute|statute|legal',
    'demanda|abogado|juicio|litigio|recomienda|recomendó|aconseja|aconsejó|asesoramiento|consejo legal|indemnización|cláusula|contrato|acuerdo|responsabilidad|conseille|recommande|avis juridique|contrat|clause|litige|procès|responsabilité|empfiehlt|rät|Rechtsberatung|Vertrag|Klausel|Haftung|demande reconventionnelle|mise en demeure|avis|conseille|contentieux|Klage|Gericht|Rechtsstreit|Vergleich|Abmahnung',
  ].join('|'),
  Category.LegalSubstance,
);

/** "Privileged" in other senses. */
export const LEGAL_EXCLUSION_ENTRIES = entries(
  'privileged access|privileged account|privileged accounts|privileged user|privileged users|privileged mode|privileged container|privileged port|privileged ports|privileged instruction|privileged operation|privileged process|privileged identity|privilege escalation|escalate privileges|escalation of privilege|least privilege|root privileges|admin privileges|sudo privileges|container with --privileged|docker run --privileged|run --privileged|--privileged flag|privileged flag|privileged: true|privileged mode|securityContext privileged|feel privileged|felt privileged|privileged to|privileged background|underprivileged|privileged few|white privilege',
  Category.LegalExclusion,
);

/** Openers of a general question about the law, not a communication with one's counsel. */
export const LEGAL_GENERAL_QUESTION_ENTRIES = entries(
  'what is attorney-client privilege|what is attorney client privilege|what is privilege|what is the attorney-client|does attorney-client privilege|does privilege apply|does it still apply|is it privileged if|when does privilege|how does privilege|what does privileged mean|explain attorney-client privilege|in general|generally speaking',
  Category.LegalGeneralQuestion,
);
