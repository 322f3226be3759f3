/**
 * The `yaml` library, which is a third of what the site's worker would load before the prompt: only
 * commands parse YAML (kubectl's manifests and kubeconfig files, add-on manifests), never the cluster
 * while it boots, so it is a lazy part (lazy/part.ts) that kubectl waits for.
 */
import { LazyPart } from '../lazy/part.js';
import parsers from './yaml-parser.lazy.js';

const YAML_PARSER = new LazyPart('yaml-parser', parsers);

/** The library's parsers; only code that runs after the host provided the part may ask. */
export const yaml = (): typeof parsers => YAML_PARSER.get();
