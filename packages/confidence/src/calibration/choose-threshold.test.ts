import { describe, expect, it } from 'vitest';
import { thresholdForEscalationRate, thresholdForQuality } from './choose-threshold';

const scores = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
const acceptable = [false, false, true, false, true, true, true, true, true, true];

describe('thresholdForEscalationRate', () => {
  it('escalates the lowest scores up to the rate, with the cut between two scores', () => {
    const choice = thresholdForEscalationRate(scores, acceptable, 0.2);
    expect(choice.escalated).toBe(2);
    expect(choice.threshold).toBeCloseTo(0.25, 12);
    expect(choice.keptQuality).toBeCloseTo(7 / 8, 12);
    expect(thresholdForEscalationRate(scores, acceptable, 0.25).escalated).toBe(2);
    expect(thresholdForEscalationRate(scores, acceptable, 0).threshold).toBe(0);
    expect(thresholdForEscalationRate(scores, acceptable, 1).threshold).toBe(1);
  });

  it('never splits tied scores, so the rate is not exceeded', () => {
    const tied = [0.1, 0.3, 0.3, 0.3, 0.9];
    const choice = thresholdForEscalationRate(tied, [false, true, true, false, true], 0.4);
    expect(choice.escalated).toBe(1);
    expect(choice.threshold).toBeCloseTo(0.2, 12);
  });
});

describe('thresholdForQuality', () => {
  it('escalates as little as possible for the kept answers to reach the quality', () => {
    const choice = thresholdForQuality(scores, acceptable, 0.99);
    expect(choice.escalated).toBe(4);
    expect(choice.keptQuality).toBe(1);
    expect(choice.targetMet).toBe(true);
    expect(thresholdForQuality(scores, acceptable, 0.7).escalated).toBe(0);
  });

  it('escalates everything and says so when no cut reaches the quality', () => {
    const choice = thresholdForQuality([0.2, 0.9], [true, false], 0.9);
    expect(choice.targetMet).toBe(false);
    expect(choice.threshold).toBe(1);
    expect(choice.escalationRate).toBe(1);
  });
});
