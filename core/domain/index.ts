// The pure domain: vocabulary, contracts (zod schemas and inferred types), defaults, the error type and the
// reproducible identity functions. Every other area imports the domain through this file.
export * from './vocabulary';
export * from './gen-error';
export * from './schema-helpers';
export * from './social-context';
export * from './relationship-schema';
export * from './world';
export * from './scene-ref';
export * from './node-config';
export * from './prompt-catalog';
export * from './request';
export * from './generation';
export * from './project-document';
export * from './provider-config';
export * from './canonical-json';
export * from './sha256';
export * from './hash';
export * from './cache-key';
export * from './media-types';
export * from './telemetry-shapes';
