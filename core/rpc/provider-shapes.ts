// engine.md §2.5 as seen over RPC: provider list entries, test results and secret status. The renderer only
// ever learns whether a key exists (SEC-3), never the key.
import { z } from 'zod';
import { ProviderConfigSchema } from '../domain/provider-config';
import { OperationTypeSchema } from '../domain/vocabulary';

export const ProviderCapabilitiesSchema = z.object({
  operations: z.array(OperationTypeSchema),
  poll: z.boolean(),
  cancel: z.boolean(),
  reportsCost: z.boolean(),
});

export const ProviderListItemSchema = z.intersection(
  ProviderConfigSchema,
  z.object({ hasSecret: z.boolean(), capabilities: ProviderCapabilitiesSchema }),
);
export type ProviderListItem = z.infer<typeof ProviderListItemSchema>;

export const ProviderConfigureInputSchema = z.union([
  z.strictObject({ config: ProviderConfigSchema }),
  z.strictObject({ remove: z.string().min(1) }),
]);

export const ProviderIdInputSchema = z.strictObject({ id: z.string().min(1).max(64) });
export const ProviderSetSecretInputSchema = z.strictObject({ id: z.string().min(1).max(64), secret: z.string().min(1).max(8192) });

export const ProviderTestResultSchema = z.object({
  ok: z.boolean(),
  latencyMs: z.number().min(0),
  message: z.string(),
  models: z.array(z.string()).optional(),
  warnings: z.array(z.string()),
});

export const SecretStatusSchema = z.strictObject({ hasSecret: z.boolean(), persisted: z.boolean() });
