import { Category, entries } from './categories';

/** Street-type words that end a street name ("Kittredge Pl", "Tamarack Way"). */
export const STREET_SUFFIX_ENTRIES = entries(
  'Street|St|St.|Avenue|Ave|Ave.|Av|Road|Rd|Rd.|Boulevard|Blvd|Drive|Dr|Dr.|Lane|Ln|Way|Court|Ct|Place|Pl|Terrace|Ter|Terr|Mews|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Close|Crescent|Cres|Row|Alley|Grove|Gardens|Hill|Heights|Park|Point|Ridge|Run|View|Walk|Loop|Pike|Plaza|Commons|Green|Glen|Hollow|Landing|Path|Crossing|Bend|Cove|Creek|Estates|Meadows|Orchard|Pass|Vale|Wharf|Yard|Straße|Strasse|Str|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer',
  Category.StreetSuffix,
  1,
  'capitalized',
);

/** Street-type words that start a street name ("Calle de Toledo 116", "7 allée des Tilleuls"). */
export const STREET_PREFIX_ENTRIES = entries(
  'Calle|Avenida|Av.|Paseo|Plaza|Camino|Carrer|Rambla|Travesía|rue|allée|avenue|boulevard|chemin|impasse|place|quai|cours|route|Rue|Allée|Avenue|Boulevard|Chemin|Impasse|Quai|Via|Viale|Piazza',
  Category.StreetPrefix,
);

const STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR';

/** US state abbreviations (upper case only), for "City, ST 12345". */
export const US_STATE_ENTRIES = entries(STATES, Category.UsState, 1, 'upper');

/** Month names (English, Spanish, German, French). */
export const MONTH_ENTRIES = entries(
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|Januar|Februar|März|Juni|Juli|Oktober|Dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre',
  Category.Month,
);

/** Spelled-out digits ("six four six, five five five, ..."). */
export const NUMBER_WORD_ENTRIES = entries(
  'zero|oh|one|two|three|four|five|six|seven|eight|nine|cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|null|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zéro|un|deux|trois|quatre|cinq|sept|huit|neuf',
  Category.NumberWord,
);

/** "dot" in spelled-out e-mail addresses. */
export const DOT_WORD_ENTRIES = entries('dot|punto|punkt|point', Category.DotWord);
