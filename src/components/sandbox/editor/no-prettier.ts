/**
 * Stands in for prettier in the YAML worker (aliased in astro.config.mjs). monaco-yaml imports
 * prettier only to format documents, which the editor does not offer (`format: false`); without
 * this the worker carries prettier's YAML and estree plugins, most of its size. Should anything
 * ask to format, yaml-language-server's formatter catches the rejection and changes nothing.
 */
export function format(): Promise<string> {
  return Promise.reject(new Error('formatting is not available in this editor'));
}
