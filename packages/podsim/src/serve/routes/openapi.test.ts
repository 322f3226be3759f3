import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCluster, type Served } from '../testing.js';
import { openapi, swaggerDocument } from './openapi.js';
import { withRealKubectl } from '../../../test/support/real-kubectl.js';
import type { Any } from '../../api/objects.js';

const json = (path: string, accept = 'application/json'): Any => {
  const r = openapi(path, accept)!;
  return typeof r.body === 'string' ? JSON.parse(r.body) : (r.body as Any);
};

describe('OpenAPI documents', () => {
  it('v3 carries the list and patch metadata and the patch content types client-side apply looks for', () => {
    const url = json('/openapi/v3').paths['api/v1'].serverRelativeURL as string;
    const doc = json(url.split('?')[0]);
    const containers = doc.components.schemas['io.k8s.api.core.v1.PodSpec'].properties.containers;
    expect(containers).toMatchObject({
      type: 'array',
      items: { allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.Container' }], default: {} },
      'x-kubernetes-list-map-keys': ['name'],
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-patch-merge-key': 'name',
      'x-kubernetes-patch-strategy': 'merge',
    });
    expect(doc.components.schemas['io.k8s.api.core.v1.Container'].properties.ports['x-kubernetes-list-map-keys']).toEqual(['containerPort', 'protocol']);
    const patch = doc.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch;
    expect(Object.keys(patch.requestBody.content)).toContain('application/strategic-merge-patch+json');
    expect(patch.parameters.map((p: Any) => p.name)).toEqual(['dryRun', 'fieldManager', 'fieldValidation', 'force']);
  });

  it('v2 is the same content in Swagger 2.0 spelling, as JSON or protobuf', () => {
    const doc = json('/openapi/v2');
    expect(doc).toEqual(swaggerDocument());
    expect(doc.swagger).toBe('2.0');
    const spec = doc.definitions['io.k8s.api.apps.v1.DeploymentSpec'].properties;
    expect(spec.template).toMatchObject({ $ref: '#/definitions/io.k8s.api.core.v1.PodTemplateSpec' });
    expect(spec.strategy['x-kubernetes-patch-strategy']).toBe('retainKeys');
    expect(doc.definitions['io.k8s.api.apps.v1.Deployment']['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', version: 'v1', kind: 'Deployment' }]);
    expect(doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch.consumes).toContain('application/apply-patch+yaml');
    const pb = openapi('/openapi/v2', 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf,application/json')!;
    expect(pb.contentType).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    // Document.swagger (field 1) then Document.info (field 2) with title "Kubernetes".
    expect([...(pb.body as Buffer).subarray(0, 9)]).toEqual([0x0a, 3, 0x32, 0x2e, 0x30, 0x12, 21, 0x0a, 10]);
  });
});

describe.skipIf(!withRealKubectl('OpenAPI with the real kubectl'))('OpenAPI with the real kubectl', () => {
  let served: Served;
  const kubectl = async (...args: string[]): Promise<string> => {
    const r = await served.kubectl(args);
    return r.out + r.err;
  };
  beforeAll(async () => {
    served = await serveCluster(3);
  });
  afterAll(() => served.close());

  it('explains from the protobuf Swagger document', async () => {
    const out = await kubectl('explain', 'pods.spec.restartPolicy', '--output=plaintext-openapiv2');
    expect(out.split('\n').slice(0, 4)).toEqual(['KIND:     Pod', 'VERSION:  v1', '', 'FIELD:    restartPolicy <string>']);
  });

  it('client-side apply computes its strategic merge patch from OpenAPI v3, merging containers by name', async () => {
    const pod = (image: string) => served.file('pod.yaml', `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n    image: ${image}\n`);
    expect(await kubectl('apply', '-f', pod('nginx'))).toBe('pod/web created\n');
    const file = pod('nginx:1.27');
    const out = await kubectl('apply', '-f', file, '-v=6');
    expect(out).toContain('pod/web configured');
    expect(out).not.toContain('/openapi/v2');
    expect(out).not.toContain('does not support strategic merge patch');
    expect(await kubectl('get', 'pod', 'web', '-o', 'jsonpath={.spec.containers[*].image}')).toBe('nginx:1.27');
  });
});
