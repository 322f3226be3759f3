/**
 * Which tags exist in the simulated registries: the generated catalogue (scripts/gen-image-catalogue.ts)
 * of every tag the Docker official images ever published and of the Kubernetes test and sample
 * images. Repositories are decoded on first use. The site's worker is built without the data and
 * provides it from a chunk of its own before any command runs (src/worker/explain-schema-loader.ts).
 */
import data from './tags.generated.json';
import { decodeTags } from './codec.js';

interface CatalogueData {
  sources: Record<string, string>;
  repos: Record<string, string>;
}

const CATALOGUE = data as unknown as CatalogueData;
const decoded = new Map<string, Set<string>>();

export function provideTagCatalogue(catalogue: unknown): void {
  Object.assign(CATALOGUE, catalogue);
  decoded.clear();
}

/** The repository's tags, or undefined for a repository the registries do not have. */
export function catalogueTags(repository: string): ReadonlySet<string> | undefined {
  const hit = decoded.get(repository);
  if (hit) return hit;
  const encoded = Object.hasOwn(CATALOGUE.repos ?? {}, repository) ? CATALOGUE.repos[repository] : undefined;
  if (encoded === undefined) return undefined;
  const tags = new Set(decodeTags(encoded));
  decoded.set(repository, tags);
  return tags;
}
