import { describe, expect, it } from 'vitest';
import { printGoTemplate } from './go-template.js';

// Expected texts are what kubectl 1.32 printed for `create -f … --dry-run=client -o go-template=…` of this object.
const deploy = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'a', labels: { x: '1', app: 'w' } },
  spec: { replicas: 3, template: { spec: { containers: [{ name: 'c1', image: 'nginx' }, { name: 'c2', image: 'busybox' }] } } },
};
const text = (t: string): string => {
  const r = printGoTemplate(t, deploy);
  return r.ok ? r.text : `error: ${r.message}`;
};

describe('go-template printer', () => {
  it('prints fields, maps and lists as fmt %v, a missing key as <no value>', () => {
    expect(text('{{.metadata.name}} {{.spec.replicas}} {{.metadata.labels}} {{.nope}} {{.spec.template.spec.containers}}')).toBe(
      'a 3 map[app:w x:1] <no value> [map[image:nginx name:c1] map[image:busybox name:c2]]',
    );
  });

  it('ranges over lists and maps (by sorted key), with if/else, with, len, index and trimming', () => {
    expect(text('{{range .spec.template.spec.containers}}{{.name}}={{.image}};{{end}}')).toBe('c1=nginx;c2=busybox;');
    expect(text('{{if .spec.paused}}p{{else}}np{{end}}{{- "\\n" -}} x')).toBe('np\nx');
    expect(text('{{len .spec.template.spec.containers}} {{index .metadata.labels "app"}} {{with .spec}}{{.replicas}}{{end}}')).toBe('2 w 3');
    expect(text('{{range .metadata.labels}}{{.}},{{end}}')).toBe('w,1,');
  });

  it('reports an unbalanced template instead of printing', () => {
    expect(printGoTemplate('{{range .items}}', deploy).ok).toBe(false);
    expect(printGoTemplate('{{end}}', deploy).ok).toBe(false);
  });
});
