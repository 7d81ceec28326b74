import { Category, entries } from './categories';

/** Words after which a value is probably a secret. */
export const CREDENTIAL_CONTEXT_ENTRIES = entries(
  'authorization basic|authorization bearer|x-api-key|api-key|x-auth-token|password|passwd|pwd|pass|passphrase|passcode|secret|secret key|secret_key|client secret|client_secret|signing secret|token|access token|auth token|auth_token|bearer|api key|api_key|apikey|access key|access_key|private key|credentials|credential|login|log in|sign in|AccountKey|SharedAccessKey|DB_PASSWORD|POSTGRES_PASSWORD|MYSQL_PASSWORD|MYSQL_ROOT_PASSWORD|contraseña|clave|Passwort|Kennwort|mot de passe|identifiant|Zugangsdaten',
  Category.CredentialContext,
);

/** Vendor key prefixes; each candidate is checked by its own pattern. */
export const CREDENTIAL_PREFIX_ENTRIES = entries(
  'AKIA*|ASIA*|ABIA*|ACCA*|ghp_*|gho_*|ghu_*|ghs_*|ghr_*|github_pat_*|glpat*|xoxb*|xoxp*|xoxa*|xoxs*|xoxe*|xapp*|sk_live_*|rk_live_*|sk_test_*|rk_test_*|whsec_*|sk|SG|AIza*|npm_*|pypi*|hf_*|dop_v1_*|shpat_*|shpss_*|EAAC*|ya29*|eyJ*|hooks slack com services*|discord com api webhooks*',
  Category.CredentialPrefix,
);

/** URL schemes of connection strings that can carry a password. */
export const CONNECTION_SCHEME_ENTRIES = entries(
  'postgres|postgresql|mysql|mariadb|mongodb|mongodb+srv|redis|rediss|amqp|amqps|mssql|sqlserver|jdbc|ftp|sftp|smtp|smtps|ldap|ldaps|https|http|DefaultEndpointsProtocol',
  Category.ConnectionScheme,
);

/** PEM private key banners. */
export const PRIVATE_KEY_ENTRIES = entries(
  'BEGIN RSA PRIVATE KEY|BEGIN PRIVATE KEY|BEGIN EC PRIVATE KEY|BEGIN DSA PRIVATE KEY|BEGIN OPENSSH PRIVATE KEY|BEGIN ENCRYPTED PRIVATE KEY|BEGIN PGP PRIVATE KEY BLOCK|PuTTY-User-Key-File',
  Category.PrivateKeyBanner,
);

/** Values that are placeholders, not secrets. */
export const PLACEHOLDER_WORDS = [
  'your',
  'example',
  'sample',
  'placeholder',
  'changeme',
  'change_me',
  'redacted',
  'dummy',
  'xxxx',
  '****',
  '...',
  '<',
  '>',
  '{{',
  '${',
  '%s',
  'password',
  'secret',
  'token',
  'test123',
  'foobar',
  'replace',
  'insert',
  'here',
  'null',
  'none',
  'undefined',
  'true',
  'false',
  'process.env',
  'os.environ',
  'getenv',
];
