export {
  openGenerationCache,
  type GenerationCache,
  type CacheEntry,
  type CacheScope,
  type GenerationProbe,
  type ServeCheck,
} from './generation-cache';
