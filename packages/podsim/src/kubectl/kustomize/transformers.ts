/**
 * kustomize's builtin transformers that rewrite fields: namespace, name prefix and suffix, labels,
 * annotations, images and replicas (api/internal/builtins, api/filters), each driven by the default
 * field specs.
 */
import { DEFAULT_SPECS, forEachSpec, gvkOf, gvkSelected, type FieldSpec } from './fieldspec.js';
import type { Kustomization } from './kustomization.js';
import { gvkLess } from './order.js';
import { anyIds, isRecord, KustomizeError, orgId, storePreviousId, type Obj, type Res } from './res.js';

/** Kinds the Kubernetes API serves without a namespace (kyaml's openapi namespace scope). */
const CLUSTER_SCOPED = new Set([
  'APIService', 'CertificateSigningRequest', 'ClusterRole', 'ClusterRoleBinding', 'ClusterTrustBundle', 'ComponentStatus',
  'CSIDriver', 'CSINode', 'CustomResourceDefinition', 'FlowSchema', 'IngressClass', 'IPAddress', 'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding', 'MutatingWebhookConfiguration', 'Namespace', 'Node', 'PersistentVolume', 'PodSecurityPolicy',
  'PriorityClass', 'PriorityLevelConfiguration', 'RuntimeClass', 'SelfSubjectAccessReview', 'SelfSubjectReview',
  'SelfSubjectRulesReview', 'ServiceCIDR', 'StorageClass', 'StorageVersion', 'SubjectAccessReview', 'TokenReview',
  'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'ValidatingWebhookConfiguration', 'VolumeAttachment',
  'VolumeAttributesClass',
]);

export function isClusterScoped(obj: Obj): boolean {
  return CLUSTER_SCOPED.has(gvkOf(obj).kind);
}

function namespaceTransform(resources: Res[], ns: string): void {
  for (const r of resources) {
    storePreviousId(r);
    if (!isClusterScoped(r.obj)) r.obj.metadata.namespace = ns;
    const kind = gvkOf(r.obj).kind;
    if ((kind === 'RoleBinding' || kind === 'ClusterRoleBinding') && Array.isArray(r.obj.subjects)) {
      for (const s of r.obj.subjects) if (isRecord(s) && s.name === 'default') s.namespace = ns;
    }
    forEachSpec(r.obj, DEFAULT_SPECS.namespace, (parent, key) => (parent[key] = ns));
  }
}

const PREFIX_SKIP = [{ kind: 'CustomResourceDefinition' }, { group: 'apiregistration.k8s.io', kind: 'APIService' }, { kind: 'Namespace' }];

function renameTransform(resources: Res[], specs: readonly FieldSpec[], rename: (name: string) => string): void {
  for (const r of resources) {
    const id = orgId(r);
    if (PREFIX_SKIP.some((s) => gvkSelected(id, s))) continue;
    for (const spec of specs) {
      if (!gvkSelected(id, spec)) continue;
      if (spec.path === 'metadata/name') storePreviousId(r);
      forEachSpec(r.obj, [{ ...spec, group: undefined, version: undefined, kind: undefined }], (parent, key) => {
        if (typeof parent[key] === 'string') parent[key] = rename(parent[key]);
      });
    }
  }
}

function setEntries(resources: Res[], specs: readonly FieldSpec[], entries: Record<string, string>): void {
  if (Object.keys(entries).length === 0) return;
  for (const r of resources) {
    forEachSpec(r.obj, specs, (parent, key) => {
      if (!isRecord(parent[key])) parent[key] = {};
      Object.assign(parent[key] as Obj, entries);
    });
  }
}

/** Field specs for one `labels` entry (kusttarget_configplugin.go LabelTransformer). */
function labelSpecs(l: { includeSelectors?: boolean; includeTemplates?: boolean }): FieldSpec[] {
  if (l.includeSelectors) return DEFAULT_SPECS.commonLabels;
  const specs = l.includeTemplates ? [...DEFAULT_SPECS.templateLabels] : [];
  if (!specs.some((s) => s.path === 'metadata/labels' && !s.kind)) specs.push({ path: 'metadata/labels', create: true });
  return specs;
}

/** image.IsImageMatched: the name is a regular expression, then an optional tag and digest. */
function imageMatches(value: string, name: string): boolean {
  try {
    return new RegExp(`^${name}(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$`).test(value);
  } catch {
    return false;
  }
}

/** image.Split: name, tag and digest, the first slash-separated part (a registry with a port) kept whole. */
function splitImage(image: string): [string, string, string] {
  const slash = image.indexOf('/');
  const from = slash > 0 ? slash : 0;
  const search = image.slice(from);
  const at = search.indexOf('@');
  const colon = search.indexOf(':');
  if (colon < 0 && at < 0) return [image, '', ''];
  if (at >= 0 && (at < colon || colon < 0)) return [image.slice(0, from + at), '', image.slice(from + at + 1)];
  if (at >= 0 && colon >= 0) return [image.slice(0, from + colon), image.slice(from + colon + 1, from + at), image.slice(from + at + 1)];
  return [image.slice(0, from + colon), image.slice(from + colon + 1), ''];
}

type ImageArgs = NonNullable<Kustomization['images']>[number];

function newImage(value: string, img: ImageArgs): string {
  let [name, tag, digest] = splitImage(value);
  if (img.newName) name = img.newName;
  if (img.newTag && img.digest) [tag, digest] = [img.newTag, img.digest];
  else if (img.newTag) [tag, digest] = [img.newTag, ''];
  else if (img.digest) [tag, digest] = ['', img.digest];
  else if (img.tagSuffix) [tag, digest] = [tag + img.tagSuffix, ''];
  return name + (tag ? `:${tag}` : '') + (digest ? `@${digest}` : '');
}

/** The legacy image filter: every `containers`/`initContainers` list anywhere in the object. */
function imageTransform(resources: Res[], img: ImageArgs): void {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isRecord(node)) {
      for (const [key, v] of Object.entries(node)) {
        walk(v);
        if ((key === 'containers' || key === 'initContainers') && Array.isArray(v)) {
          for (const c of v) if (isRecord(c) && typeof c.image === 'string' && imageMatches(c.image, img.name ?? '')) c.image = newImage(c.image, img);
        }
      }
    }
  };
  for (const r of resources) if (gvkOf(r.obj).kind !== 'CustomResourceDefinition') walk(r.obj);
}

function replicaTransform(resources: Res[], rep: { name?: string; count?: number }): void {
  let found = false;
  for (const spec of DEFAULT_SPECS.replicas) {
    for (const r of resources) {
      if (!anyIds(r).some((id) => id.name === rep.name && gvkSelected(id, spec))) continue;
      found = true;
      forEachSpec(r.obj, [{ ...spec, kind: undefined }], (parent, key) => (parent[key] = rep.count ?? 0));
    }
  }
  if (!found) {
    const gvks = [...DEFAULT_SPECS.replicas].sort(gvkLess).map((s) => `${s.kind || '[noKind]'}.${s.version || '[noVer]'}.${s.group || '[noGrp]'}`);
    throw new KustomizeError(`resource with name ${rep.name ?? ''} does not match a config with the following GVK [${gvks.join(' ')}]`);
  }
}

/** The transformers after the patches, in kustomize's order (namespace … images); the JSON 6902 patches run in between. */
export function transformNames(resources: Res[], k: Kustomization): void {
  if (k.namespace) namespaceTransform(resources, k.namespace);
  if (k.namePrefix) renameTransform(resources, DEFAULT_SPECS.namePrefix, (n) => k.namePrefix + n);
  if (k.nameSuffix) renameTransform(resources, DEFAULT_SPECS.nameSuffix, (n) => n + k.nameSuffix);
  for (const l of k.labels ?? []) setEntries(resources, labelSpecs(l), l.pairs ?? {});
  if (k.commonLabels) setEntries(resources, DEFAULT_SPECS.commonLabels, k.commonLabels);
  if (k.commonAnnotations) setEntries(resources, DEFAULT_SPECS.commonAnnotations, k.commonAnnotations);
}

export function transformValues(resources: Res[], k: Kustomization): void {
  for (const rep of k.replicas ?? []) replicaTransform(resources, rep);
  for (const img of k.images ?? []) imageTransform(resources, img);
}
