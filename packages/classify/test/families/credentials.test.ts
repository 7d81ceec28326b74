import { describe, expect, it } from 'vitest';
import { labelsOf, typesOf } from '../helpers/classify';

// Synthetic secrets assembled at run time so no scanner mistakes this file for a leak.
const fake = (prefix: string, body: string) => `${prefix}${body}`;
const mixed40 = 'Qz7xK2pL9mN4vB8cR1tY6wE3aS5dF0gH2jK4lZ8x';

describe('credentials family', () => {
  it.each([
    [
      'AWS key id + secret',
      `aws_access_key_id = ${fake('AKIA', 'B35U6TAYE52MGCJJ')}\naws_secret_access_key = bKRXMCfE/zEhKuD/+6BmgqnyxofzSv/VsVZGVta5`,
      'aws_access_key_id',
    ],
    [
      'GitHub classic token',
      `The token is ${fake('ghp_', mixed40.slice(0, 36))}. Does it need the workflow scope?`,
      'github_token',
    ],
    [
      'GitHub fine-grained token',
      `token: ${fake('github_pat_', `11I8KT5188AH39UKGOJELA_${mixed40}${mixed40.slice(0, 19)}`)}`,
      'github_token',
    ],
    ['GitLab token', `I put ${fake('glpat-', 'Hi9FdldJETLx09z7O_G-')} in the URL.`, 'gitlab_token'],
    [
      'Slack bot token',
      `using ${fake('xoxb-', '74492368153-4083785295178-NN6m0taoU22j4UotdJEwLOx7')} with chat:write`,
      'slack_token',
    ],
    [
      'Slack webhook',
      `https://${fake('hooks.slack.com/services/', 'TAZ7ESMTLK/BD435Z0QEYX/9bQEIliWwp6dOh3ppIfNckCm')} returns invalid_payload`,
      'slack_webhook',
    ],
    [
      'Stripe live key',
      `My key is ${fake('sk_live_', '51sUKDfAjkKNCEQEPcW4NQn2ZI8smpElpHJHrSJzvZssVyZzi8bSL1w')}.`,
      'stripe_live_key',
    ],
    [
      'OpenAI project key',
      `-H "Authorization: Bearer ${fake('sk-proj-', 'QBAiBY9rp_uSKbVYaR8CdKTFSNIAuO4NslisTACRsjXkrWMVy')}"`,
      'llm_api_key',
    ],
    [
      'Anthropic key',
      `client = Anthropic(api_key="${fake('sk-ant-api03-', '4JeOXSYVyl9wjGi0MzQPZbOzFJYdtjl90I401K_vW8FqeToWn2Cjic')}")`,
      'llm_api_key',
    ],
    [
      'Google API key',
      `Maps key ${fake('AIza', '9lZpKh-Zn8Z0jIhoBqO3zKbYXVVbjbIbmjW')} throws RefererNotAllowedMapError.`,
      'google_api_key',
    ],
    [
      'SendGrid key',
      `key ${fake('SG.', 'forvAF2xV8hzJDe_jweERx.sVR2D_G97StNojsHDjpKWYwEWvQVzXg659zvCIjVj9G')}`,
      'sendgrid_api_key',
    ],
    ['npm token', `.npmrc: ${fake('npm_', 'lEWfDv5dP10GQy53JqFsYw7jlnWBw1OCCLKG')}`, 'npm_token'],
    [
      'Twilio SID',
      'Account SID AC4d60417b3112374210c5549caa2d03f9, auth token bce75b178ac9d34fbabee237de5a7a38.',
      'twilio_account_sid',
    ],
    [
      'JWT',
      `Decode ${fake('eyJ', 'hbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTY3NjIxIn0.ocLwyRslJFIryX4KNxeuRLnm9vR5DLJDk9n1dQgfBc4')}`,
      'jwt',
    ],
    [
      'PEM key',
      `-----BEGIN ${'EC PRIVATE'} KEY-----\nMHcCAQEEIOMy4/BSqkVtEsKByftltOjv3bKBd3BusDoYXyXhI8OAoAoGCCqGSM49\n-----END EC PRIVATE KEY-----`,
      'private_key',
    ],
    [
      'Postgres URL with password',
      'postgres://app_rw:lantern-marigold-80!@db01.internal.example:5432/orders — sslmode?',
      'connection_string_password',
    ],
    [
      'MySQL CLI password',
      "mysql -h 10.4.2.19 -u billing_svc -p'Falcon$Cinder70' billing_prod gives Access denied",
      'password_in_text',
    ],
    [
      'password in prose',
      'Staging box login is user deploy, password: Cobalt1135$jly. Write an ssh config entry.',
      'password_in_text',
    ],
    [
      'admin / password',
      'the admin web page login is admin / MV~RyY2AOzNKdzlEh in case you need it',
      'password_in_text',
    ],
    [
      'env file',
      'JWT_SIGNING_SECRET=5927697c569ae92479aba221b636afa4ccd7cf92\nPORT=8080',
      'password_in_text',
    ],
    // New variants.
    [
      'variant: Wi-Fi password in German',
      'WLAN für das Offsite: Netzwerk Seehaus, Passwort: Kx9!mPq2Lw. Schreib ein Schild dafür.',
      'password_in_text',
    ],
    [
      'variant: passphrase in YAML',
      'smtp:\n  user: mailer\n  password: "Tr0ub4dor&3-horse"\n',
      'password_in_text',
    ],
  ])('%s', (_name, text, type) => {
    expect(labelsOf(text)).toContain('credentials');
    expect(typesOf(text)).toContain(type);
  });

  it.each([
    ['placeholder sk-...', 'The SDK docs say to run export OPENAI_API_KEY=sk-... in the terminal.'],
    ['YOUR_API_KEY', 'headers={"Authorization": "Bearer YOUR_API_KEY"}'],
    ['<password>', 'My docker-compose.yml has POSTGRES_PASSWORD=<password> copied from a tutorial.'],
    [
      'AWS documentation example key',
      'The AWS CLI docs show aws_access_key_id = AKIAIOSFODNN7EXAMPLE in the sample file.',
    ],
    ['masked password', "Our login form shows 'Password: ••••••••' even after clicking the eye icon."],
    ['git commit hash', 'git bisect says f2709806798e9aac2f5dd72560c5c4ebafe4980d is the first bad commit.'],
    ['sha256', 'The installer has SHA-256 8bbe4e1d2797841bee2c678b30a8afab49c5c185bc38a12443144bb73a6be7b9.'],
    ['password from env', 'password = os.environ["DB_PASSWORD"] works locally but not in CI'],
    ['secret to cooking', "What's the secret to getting really crispy skin on a roast chicken?"],
  ])('is not credentials: %s', (_name, text) => {
    expect(labelsOf(text)).not.toContain('credentials');
  });
});
