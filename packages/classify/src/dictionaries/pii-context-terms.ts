import { Category, entries } from './categories';

export const PHONE_CONTEXT_ENTRIES = entries(
  'phone|telephone|tel|tel.|cell|cellphone|cell phone|mobile|mobile number|call|call her|call him|text|texts|reach|reached|contact|whatsapp|fax|ph|teléfono|móvil|celular|Telefon|Handy|Handynummer|téléphone|tél|portable',
  Category.PhoneContext,
);

export const EMAIL_CONTEXT_ENTRIES = entries(
  'email|e-mail|mail|correo|courriel|E-Mail-Adresse',
  Category.EmailContext,
);

export const ADDRESS_CONTEXT_ENTRIES = entries(
  'address|home address|mailing address|lives at|living at|moved to|moved from|moved into|resides|residence|ship to|send to|deliver to|domicilio|dirección|Adresse|Anschrift|wohnhaft|adresse|demeurant',
  Category.AddressContext,
);

export const DOB_CONTEXT_ENTRIES = entries(
  'DOB|D.O.B|date of birth|birth date|birthdate|born|born on|birthday|geb|geb.|geboren|Geburtsdatum|nacido|nacida|nacido el|nacida el|fecha de nacimiento|né le|née le|né|née|date de naissance|age|aged|years old|year-old',
  Category.DobContext,
);

export const PASSPORT_CONTEXT_ENTRIES = entries(
  'passport|passport number|passport no|pasaporte|Reisepass|Reisepassnummer|passeport|numéro de passeport',
  Category.PassportContext,
);

export const LICENSE_CONTEXT_ENTRIES = entries(
  "driver's license|drivers license|driver license|driving licence|driver's licence|license number|licence number|license|licence|DL|DL#|DLN|Führerschein|Führerscheinnummer|permis de conduire|licencia de conducir|carnet de conducir|state ID|ID card|national ID|DNI|NIE|Personalausweis|carte d'identité",
  Category.LicenseContext,
);

export const VIN_CONTEXT_ENTRIES = entries(
  'VIN|vehicle identification|registered to|plate',
  Category.VinContext,
);

export const NETWORK_CONTEXT_ENTRIES = entries(
  'signed in from|logged in from|connects from|connecting from|IP address|her address|his address|from IP|username|user name|user|handle',
  Category.NetworkContext,
);

/** Words that say a number is not about a person. */
export const NON_PERSONAL_NUMBER_ENTRIES = entries(
  'tracking|tracking number|order|order #|order number|invoice|invoice #|build|version|release|ISBN|ISSN|DOI|batch|pallet|lot|SKU|UPC|EAN|serial number|part number|model number|commit|sha|SHA-256|sha256|hash|checksum|etag|request_id|request id|trace id|uuid|timestamp|timestamps|epoch|unix|port|pid|job|shard|ticket|case number|ref|reference|confirmation|booking|flight|room|bed|PO number|purchase order|zip|ZIP+4|postal code|ext|extension',
  Category.NonPersonalNumber,
);

/** Role and title cues before a person's name. */
export const NAME_CUE_ENTRIES = entries(
  'Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sr|Sra|Srta|Herr|Frau|M.|Mme|Mlle|patient|patientin|pt|client|applicant|member|employee|taxpayer|beneficiary|borrower|debtor|drawer|payee|tenant|inquilina|inquilino|student|candidate|subject|resident|customer|new hire|name|full name|surname|given name|first name|last name|legal name|name on card|contact|neighbor|neighbour|coworker|colleague|sister|brother|mom|dad|daughter|son|wife|husband|nephew|niece|for|Dear|Hi|Hello|Hola|Bonjour|Liebe|Lieber|Estimado|Estimada',
  Category.NameCue,
);

/** Context words that say a named person is a public or historical figure. */
export const PUBLIC_FIGURE_ENTRIES = entries(
  'president|presidency|presidential|senator|congressman|congresswoman|governor|mayor|prime minister|chancellor|king|queen|prince|princess|emperor|empress|pope|pharaoh|dynasty|celebrity|actor|actress|singer|musician|rapper|athlete|Olympic|famous|historical|in history|historian|biography|biographer|museum|placard|novelist|poet|painter|composer|philosopher|scientist|mathematician|inventor|explorer|Nobel|century|famously|legendary|myth|mythology|Argonauts|public figure|played|starred|starring|film|movie|TV show|television|sitcom|series|episode|fictional|character|novel|memoir|biopic|documentary|album|song|band|tour|coach|champion|championship|NBA|NFL|FIFA|Oscar|Grammy|legend|icon|publicly|press conference|tabloid',
  Category.PublicFigure,
);
