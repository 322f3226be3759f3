/**
 * What a page's later steps take from the steps the reader cannot run (out of scope): the variables they
 * set, the addresses they print, the files they write and the objects they create. A step that needs one
 * of them cannot run either; nor can one that reads a variable the page never sets (a template).
 */

/**
 * The first upper-case variable a command reads that the page never set: the reader is meant to put
 * their own value there. `\$ITEM` is a literal dollar the shell hands on (to sed), not a read.
 */
export function firstUnsetVariable(command: string, assigned: Set<string>): string | undefined {
  return [...command.matchAll(/(?<!\\)\$\{?([A-Z_][A-Z0-9_]*)\}?/g)].map((m) => m[1]).find((v) => !assigned.has(v) && !['HOME', 'USER', 'PWD', 'PATH', 'HOSTNAME'].includes(v));
}

/**
 * What a step takes from steps the reader cannot run (out of scope): a variable only they set
 * (`grace=$(kubectl get pods <pod> …)` then `sleep $grace`), or an address only they printed
 * (`minikube service x --url` prints `http://127.0.0.1:51082`, then `curl 127.0.0.1:51082`).
 */
export function takenFromSkipped(command: string, skippedVars: ReadonlySet<string>, skippedOutput: string): string | undefined {
  const v = [...command.matchAll(/(?<!\\)\$\{?([A-Za-z_]\w*)\}?/g)].map((m) => m[1]).find((n) => skippedVars.has(n));
  if (v) return `$${v}`;
  return [...command.matchAll(/\b(?:\d{1,3}\.){3}\d{1,3}:\d+\b/g)].map((m) => m[0]).find((a) => skippedOutput.includes(a));
}

/**
 * Files a command writes by an absolute path (`make keys KEY=/tmp/nginx.key CERT=/tmp/nginx.crt`,
 * `openssl req … -keyout /tmp/k -out /tmp/c`, `… > /tmp/x`): a later step that reads one written only by
 * a step the reader cannot run cannot run either.
 */
export function writtenFiles(command: string): string[] {
  return [...command.matchAll(/(?:(?:^|\s)[A-Z_][A-Z0-9_]*=|\s(?:-o|-out|-keyout|--out(?:put)?)[= ]|>\s*)(\/[\w.-]+(?:\/[\w.-]+)+)/g)].map((m) => m[1]);
}

/** A file of `files` that a command names (`kubectl create secret tls s --key /tmp/nginx.key`). */
export function readsFile(command: string, files: ReadonlySet<string>): string | undefined {
  return [...command.matchAll(/(?<![\w.-])(\/[\w.-]+(?:\/[\w.-]+)+)(?![\w/-])/g)].map((m) => m[1]).find((f) => files.has(f));
}

/**
 * `kind/name` of the object a `kubectl create` or `kubectl expose` makes (`kubectl create secret docker-registry regcred …`
 * makes secret/regcred, `kubectl expose deployment example --name=example-service` service/example-service).
 */
export function createdObject(command: string): string | undefined {
  const m = /^kubectl\s+create\s+(secret\s+[\w-]+|[a-z]+)\s+([a-z0-9][\w.-]*)/.exec(command);
  if (m) return `${m[1].split(/\s+/)[0]}/${m[2]}`;
  const exposed = /^kubectl\s+expose\s+[a-z.]+(?:\/|\s+)([a-z0-9][\w.-]*)/.exec(command)?.[1];
  return exposed ? `service/${/\s--name[= ]([a-z0-9][\w.-]*)/.exec(command)?.[1] ?? exposed}` : undefined;
}

/**
 * An object of `objects` that a `kubectl get KINDs` lists where the page shows it (`kubectl get secrets` printing
 * the `nginxsecret` row): the page's list has a row the reader's cannot have.
 */
export function listsObject(command: string, expected: string | undefined, objects: ReadonlySet<string>): string | undefined {
  const kind = /^kubectl\s+get\s+([a-z]+?)s?(?:\s+-[\w=-]+)*\s*$/.exec(command)?.[1];
  if (!kind || expected === undefined) return undefined;
  const rows = new Set(expected.split('\n').map((l) => l.trim().split(/\s+/)[0]));
  return [...objects].find((o) => o.startsWith(`${kind}/`) && rows.has(o.slice(kind.length + 1)));
}

/** An object of `objects` (`secret/regcred`) that a kubectl command reads or changes (`kubectl get secret regcred -o yaml`). */
export function usesObject(command: string, objects: ReadonlySet<string>): string | undefined {
  const m = /^kubectl\s+(?:get|describe|edit|delete|label|annotate|patch)\s+([a-z]+?)s?(?:\/|\s+)([a-z0-9][\w.-]*)/.exec(command);
  const named = m ? `${m[1]}/${m[2]}` : undefined;
  return named && objects.has(named) ? named : undefined;
}
