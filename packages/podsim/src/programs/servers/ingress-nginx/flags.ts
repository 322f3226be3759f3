/** The Go flag package's `--name=value` / `-name` forms that ingress-nginx's two programs take (a bare flag is "true"). */
export function flagValues(args: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of args) {
    const m = /^--?([\w-]+)(?:=(.*))?$/.exec(a);
    if (m) out.set(m[1], m[2] ?? 'true');
  }
  return out;
}
