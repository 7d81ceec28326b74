import { describe, expect, it } from 'vitest';
import { type WorkloadProfile, planRouting } from './plan-routing';
import { guessWorkloadKind } from './workload-kind';

const profile = (overrides: Partial<WorkloadProfile> & { workload: string }): WorkloadProfile => ({
  requests: 100_000,
  inputTokens: 100_000 * 1_500,
  outputTokens: 100_000 * 300,
  cloudEquivalentUsd: 100_000 * (1_500 * 2.5 + 300 * 10) * 1e-6,
  cloudUsd: 100_000 * (1_500 * 2.5 + 300 * 10) * 1e-6,
  localUsd: 0,
  servedLocal: 0,
  servedCloud: 100_000,
  dataClasses: { public: 100_000, internal: 0, regulated: 0 },
  escalations: 0,
  ...overrides,
});

describe('planRouting', () => {
  // 30 days of traffic on gpt-4o prices: ~$675 per 100k requests a month.
  const workloads = [
    profile({
      workload: 'summarize-tickets',
      requests: 3_000_000,
      inputTokens: 3e6 * 1_500,
      outputTokens: 3e6 * 300,
      cloudEquivalentUsd: 20_250,
      cloudUsd: 20_250,
    }),
    profile({
      workload: 'patient-notes',
      requests: 200_000,
      inputTokens: 2e5 * 1_500,
      outputTokens: 2e5 * 300,
      cloudEquivalentUsd: 1_350,
      cloudUsd: 0,
      localUsd: 300,
      servedLocal: 200_000,
      servedCloud: 0,
      dataClasses: { public: 0, internal: 0, regulated: 200_000 },
    }),
    profile({
      workload: 'support-agent',
      requests: 400_000,
      inputTokens: 4e5 * 4_000,
      outputTokens: 4e5 * 800,
      cloudEquivalentUsd: 7_200,
      cloudUsd: 7_200,
      escalations: 0,
    }),
    profile({
      workload: 'answer',
      requests: 600_000,
      inputTokens: 6e5 * 1_000,
      outputTokens: 6e5 * 200,
      cloudEquivalentUsd: 2_700,
      cloudUsd: 2_200,
      localUsd: 50,
      servedLocal: 200_000,
      servedCloud: 400_000,
      escalations: 90_000,
      dataClasses: { public: 0, internal: 600_000, regulated: 0 },
    }),
  ];
  const plan = planRouting({ workloads, periodDays: 30, hardware: '2x-h100-owned', setupUsd: 20_000 });
  const byName = Object.fromEntries(plan.workloads.map((workload) => [workload.workload, workload]));

  it('scores cost, compliance and capability for each workload', () => {
    expect(byName['summarize-tickets']!.scores).toEqual({ cost: 1, compliance: 0, capability: 1 });
    expect(byName['patient-notes']!.scores.compliance).toBe(1);
    expect(byName['support-agent']!.scores.capability).toBeCloseTo(0.3, 9);
    // 15% escalations on a general task: 0.7 × 0.85.
    expect(byName.answer!.escalationRate).toBeCloseTo(0.15, 9);
    expect(byName.answer!.scores.capability).toBeCloseTo(0.7 * 0.85, 9);
    expect(byName.answer!.scores.compliance).toBeCloseTo(0.5, 9);
    for (const workload of plan.workloads) {
      expect(workload.scores.cost).toBeGreaterThanOrEqual(0);
      expect(workload.scores.cost).toBeLessThanOrEqual(1);
    }
  });

  it('places regulated work local (required), commodity work local, agents on cloud, escalating work hybrid', () => {
    expect(byName['patient-notes']!.placement).toBe('local-required');
    expect(byName['summarize-tickets']!.placement).toBe('local');
    expect(byName['support-agent']!.placement).toBe('cloud');
    expect(byName.answer!.placement).toBe('hybrid');
    // Local first; a quarter (at least the observed escalation rate) still goes to cloud.
    expect(byName.answer!.localShare).toBe(0.75);
    expect(plan.workloads[0]!.workload).toBe('summarize-tickets');
  });

  it('sizes the hardware from the local busy time and reports TCO, split, break-even and payback', () => {
    expect(plan.hardware.units).toBeGreaterThanOrEqual(1);
    expect(plan.hardware.utilization).toBeGreaterThan(0);
    expect(plan.hardware.utilization).toBeLessThanOrEqual(0.8);
    expect(plan.hardware.annualTcoUsd).toBeCloseTo(plan.hardware.units * plan.hardware.unitTco.totalUsd, 6);
    expect(plan.hardware.upfrontUsd).toBe(plan.hardware.units * 100_000 + 20_000);
    const year = 365 / 30;
    expect(plan.allCloud.totalUsd).toBeCloseTo((20_250 + 1_350 + 7_200 + 2_700) * year, 6);
    expect(plan.before.cloudUsd).toBeCloseTo((20_250 + 7_200 + 2_200) * year, 6);
    expect(plan.after.cloudUsd).toBeCloseTo((7_200 + 2_700 * 0.25) * year, 6);
    expect(plan.after.localUsd).toBeCloseTo(plan.hardware.annualTcoUsd, 6);
    expect(plan.annualSavingsUsd).toBeCloseTo(plan.allCloud.totalUsd - plan.after.totalUsd, 6);
    expect(plan.after.localShareRequests).toBeCloseTo((3_200_000 + 600_000 * 0.75) / 4_200_000, 9);
    expect(plan.breakEven.annualApiSpendUsd).toBeCloseTo(plan.hardware.annualTcoUsd, 6);
    expect(plan.breakEven.movedApiSpendUsd).toBeGreaterThan(plan.breakEven.annualApiSpendUsd);
    expect(plan.paybackMonths).toBeGreaterThan(0);
    expect(plan.summary).toMatch(/^Move /);
  });

  it('keeps regulated work local even when moving it does not pay', () => {
    const small = planRouting({
      workloads: [
        profile({
          workload: 'claims',
          requests: 100,
          inputTokens: 1e5,
          outputTokens: 2e4,
          cloudEquivalentUsd: 0.5,
          cloudUsd: 0,
          dataClasses: { public: 0, internal: 0, regulated: 100 },
        }),
      ],
      periodDays: 30,
      hardware: 'mac-studio-m3-ultra-256gb',
    });
    expect(small.workloads[0]!.placement).toBe('local-required');
    expect(small.hardware.units).toBe(1);
    expect(small.annualSavingsUsd).toBeLessThan(0);
    expect(small.paybackMonths).toBeNull();
  });

  it('guesses task kinds from workload names', () => {
    expect(guessWorkloadKind('classify-emails')).toBe('commodity');
    expect(guessWorkloadKind('extract_invoice_fields')).toBe('commodity');
    expect(guessWorkloadKind('coding-agent')).toBe('complex');
    expect(guessWorkloadKind('chat')).toBe('general');
  });

  it('rejects bad options with a ConfigError naming the field', () => {
    expect(() => planRouting({ workloads, periodDays: 0, hardware: 'l40s' })).toThrow(
      /periodDays: must be greater than 0/,
    );
    expect(() => planRouting({ workloads, periodDays: 30, hardware: 'l40s', maxUtilization: 1.5 })).toThrow(
      /maxUtilization/,
    );
  });
});
