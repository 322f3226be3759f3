/**
 * The printers of `-o go-template`, `-o jsonpath`, `-o custom-columns` and `--sort-by`: a chunk of
 * their own in the site's worker (lazy/part.ts).
 */
import { CustomColumnsPrinter, parseCustomColumns } from './custom-columns.js';
import { parseGoTemplate, printGoTemplate } from './go-template/index.js';
import { printJsonPath } from './jsonpath.js';
import { sortObjects } from './sort-by.js';

export default { CustomColumnsPrinter, parseCustomColumns, parseGoTemplate, printGoTemplate, printJsonPath, sortObjects };
