/**
 * The YAML kubeadm writes its manifests in: sigs.k8s.io/yaml over the JSON encoding, so map keys in
 * yaml.v2's order (plain code-point order for the keys these manifests have) and lists at their
 * key's indentation. Only what the manifests hold: maps, lists, numbers, booleans, null and plain strings.
 */
type Value = string | number | boolean | null | Value[] | { [key: string]: Value | undefined };

function scalar(v: Value): string | undefined {
  if (v === null) return 'null';
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.length ? undefined : '[]';
  return Object.keys(v).some((k) => v[k] !== undefined) ? undefined : '{}';
}

function lines(v: Value, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) {
    return v.flatMap((item) => {
      const s = scalar(item);
      if (s !== undefined) return [`${pad}- ${s}`];
      const inner = lines(item, indent + 2);
      return [`${pad}- ${inner[0].slice(indent + 2)}`, ...inner.slice(1)];
    });
  }
  const out: string[] = [];
  const map = v as Record<string, Value | undefined>;
  for (const key of Object.keys(map).sort()) {
    const value = map[key];
    if (value === undefined) continue;
    const s = scalar(value);
    if (s !== undefined) out.push(`${pad}${key}: ${s}`);
    else out.push(`${pad}${key}:`, ...lines(value, Array.isArray(value) ? indent : indent + 2));
  }
  return out;
}

export function manifestYaml(v: Value): string {
  return lines(v, 0).join('\n') + '\n';
}

export type { Value as ManifestValue };
