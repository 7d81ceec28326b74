import { ConfigError, InvalidRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { generateSyntheticLogprobs } from '../synthetic/synthetic-logprobs';
import { parseCalibration, serializeCalibration } from './calibration';
import { fitCalibration } from './fit-calibration';
import { type LabeledExample, parseLabeledJsonl } from './labeled-examples';

function fixture(count: number, seed: number): LabeledExample[] {
  return parseLabeledJsonl(
    generateSyntheticLogprobs({ count, seed })
      .map((row) => JSON.stringify(row))
      .join('\n'),
  ).examples;
}

describe('fitCalibration', () => {
  const train = fixture(1500, 1);

  it('learns a map that separates the fixture’s wrong answers, also on unseen data', () => {
    const { calibration, signalAuroc } = fitCalibration(train, { target: { escalationRate: 0.3 } });
    expect(calibration.fit!.auroc).toBeGreaterThan(0.99);
    expect(calibration.fit!.heldOutAuroc).toBeGreaterThan(0.99);
    // The fixture's known structure: one bad token decides, so the minimum beats the length-normalized mean.
    expect(signalAuroc.minLogprob).toBeGreaterThan(signalAuroc.meanLogprob);
    expect(signalAuroc.minLogprob).toBeGreaterThan(0.99);
    expect(signalAuroc.p10Logprob).toBeLessThan(0.85);
  });

  it('fits the threshold for an escalation rate target', () => {
    const { calibration } = fitCalibration(train, { target: { escalationRate: 0.3 } });
    const fit = calibration.fit!;
    expect(fit.escalationRate).toBeLessThanOrEqual(0.3);
    expect(fit.escalationRate).toBeGreaterThan(0.29);
    // About a quarter of fixture answers are wrong; escalating 30% leaves nearly only right ones.
    expect(fit.keptQuality).toBeGreaterThan(0.99);
    expect(fit.systemQuality).toBeGreaterThan(0.95);
    expect(fit.targetMet).toBe(true);
  });

  it('fits the threshold for a quality target with as few escalations as possible', () => {
    const { calibration, scores } = fitCalibration(train, { target: { quality: 0.9 } });
    const fit = calibration.fit!;
    expect(fit.keptQuality).toBeGreaterThanOrEqual(0.9);
    expect(fit.escalationRate).toBeLessThan(0.2);
    // One more answer kept (the next lowest score) would break the target or tie.
    const below = scores.filter((score) => score < calibration.threshold).length;
    expect(below / scores.length).toBeCloseTo(fit.escalationRate, 12);
  });

  it('round-trips through JSON and validates what it reads', () => {
    const { calibration } = fitCalibration(train, { folds: 0 });
    const again = parseCalibration(JSON.parse(serializeCalibration(calibration)));
    expect(again).toEqual(calibration);
    expect(again.fit!.heldOutAuroc).toBeUndefined();
  });

  it('refuses examples of one class, and bad options, with the field named', () => {
    const allGood = train.filter((example) => example.acceptable);
    expect(() => fitCalibration(allGood)).toThrowError(InvalidRequestError);
    expect(() => fitCalibration(train, { target: { escalationRate: 2 } })).toThrowError(
      /fitCalibration\.target\.escalationRate: must be between 0 and 1/,
    );
    expect(() => fitCalibration(train, { features: ['nope' as never] })).toThrowError(ConfigError);
  });
});

describe('parseCalibration', () => {
  const valid = {
    version: 1,
    kind: 'switchyard-confidence-calibration',
    features: ['minLogprob', 'meanEntropy'],
    center: [-1, 0.2],
    scale: [1, 0.5],
    weights: [2, -1],
    intercept: 0.3,
    threshold: 0.6,
    target: { quality: 0.95 },
    lowProbabilityFloor: 0.5,
  };

  it('accepts a valid calibration', () => {
    expect(parseCalibration(valid).threshold).toBe(0.6);
  });

  it('names the bad field', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, weights: [2] }, 'calibration.weights'],
      [{ ...valid, threshold: 1.5 }, 'calibration.threshold'],
      [{ ...valid, features: ['minLogprob', 'bogus'] }, 'calibration.features[1]'],
      [{ ...valid, scale: [1, 0] }, 'calibration.scale[1]'],
      [{ ...valid, extra: true }, 'calibration'],
      [{ ...valid, version: 2 }, 'calibration.version'],
    ];
    for (const [value, field] of cases) {
      try {
        parseCalibration(value);
        expect.unreachable(`accepted ${JSON.stringify(value)}`);
      } catch (error) {
        expect(ConfigError.isInstance(error)).toBe(true);
        expect((error as ConfigError).field).toBe(field);
      }
    }
  });
});
