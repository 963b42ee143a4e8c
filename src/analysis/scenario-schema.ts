/**
 * The scenarios of issue 14 as zod schemas: what a scenario is, parsed wherever one comes from
 * outside (the URL). Kept apart from scenarios.ts so that the URL's parser does not load the
 * analysis code with it.
 */
import { z } from 'zod';
import { InstitutionTypeSchema, ProductCodeSchema, WanSchema } from '../domain/schema';

const Id = z.string().min(1).max(200);

/** A chain leader pays its suppliers N days later. */
export const TermsScenarioSchema = z.object({
  kind: z.literal('terms'),
  leaderId: Id,
  days: z.number().int().min(1).max(365),
});

/** A bank leaves a city: its live relations with the city's firms lapse. */
export const WithdrawCityScenarioSchema = z.object({
  kind: z.literal('withdraw_city'),
  bankId: Id,
  cityId: Id,
});

/** Every bank of a type leaves a chain: their live relations with the chain's firms lapse. */
export const WithdrawTypeScenarioSchema = z.object({
  kind: z.literal('withdraw_type'),
  bankType: InstitutionTypeSchema,
  chainId: Id,
});

/** A bank enters a (white-space) link with one product and a budget in 万元. */
export const EnterScenarioSchema = z.object({
  kind: z.literal('enter'),
  bankId: Id,
  linkId: Id,
  product: ProductCodeSchema,
  budget: WanSchema.refine((x) => x > 0, { message: 'budget must be positive' }),
});

export const ScenarioSchema = z.discriminatedUnion('kind', [
  TermsScenarioSchema,
  WithdrawCityScenarioSchema,
  WithdrawTypeScenarioSchema,
  EnterScenarioSchema,
]);
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioKind = Scenario['kind'];
export const SCENARIO_KINDS = ['terms', 'withdraw_city', 'withdraw_type', 'enter'] as const;
