/** The `yaml` library's parsers (the reader's YAML is read only by commands): a chunk of its own in the site's worker (lazy/part.ts). */
import { LineCounter, parse, parseAllDocuments, parseDocument } from 'yaml';

export default { LineCounter, parse, parseAllDocuments, parseDocument };
