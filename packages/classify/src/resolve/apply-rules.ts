import type { Analysis } from '../engine/analysis';
import { healthScore } from './health-score';
import { applyPersonRules } from './person-rules';
import { applyPrivilegeRules } from './privilege-rules';
import { applyTradeSecretRules } from './trade-secret-rules';

export { healthScore };

/**
 * Document-level rules: turns keyword hits into marker findings and combines evidence — an
 * identifier plus health context is `phi`, a person plus financial facts is `npi`, counsel plus
 * legal substance is `privileged`, first-person plans with money are `trade_secret` — with
 * exclusions for other senses of the trigger words.
 */
export function applyRules(analysis: Analysis): void {
  applyPersonRules(analysis, healthScore(analysis));
  const { privileged } = applyPrivilegeRules(analysis);
  applyTradeSecretRules(analysis, privileged);
}
