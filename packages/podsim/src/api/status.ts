/**
 * Status objects with the reasons, codes and messages of apimachinery `pkg/api/errors/errors.go`.
 * `message` is what kubectl prints after `Error from server (<Reason>): ` (Invalid: kubectl rebuilds
 * its text from details, see `kubectlErrorText`).
 */
import type { Status } from './types.js';
import { aggregate, errorBody, errorText, type FieldError } from './validation/field.js';

export type { FieldError } from './validation/field.js';

/** Fields in metav1.Status's order, as the server writes them: details before code. */
function status(code: number, reason: string, message: string, details?: Status['details']): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

/** `pods` or `deployments.apps`. */
function qualified(resource: string, group?: string): string {
  return group ? `${resource}.${group}` : resource;
}

function details(resource: string, name: string, group?: string): NonNullable<Status['details']> {
  const d: NonNullable<Status['details']> = { name };
  if (group) d.group = group;
  d.kind = resource;
  return d;
}

export function notFound(resource: string, name: string, group?: string): Status {
  return status(404, 'NotFound', `${qualified(resource, group)} "${name}" not found`, details(resource, name, group));
}

export function alreadyExists(resource: string, name: string, group?: string): Status {
  return status(409, 'AlreadyExists', `${qualified(resource, group)} "${name}" already exists`, details(resource, name, group));
}

const MODIFIED_CONFLICT = 'the object has been modified; please apply your changes to the latest version and try again';

export function conflict(resource: string, name: string, group?: string, reason = MODIFIED_CONFLICT): Status {
  return status(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(resource, group)} "${name}": ${reason}`, details(resource, name, group));
}

/** 409 for server-side apply conflicts (apimachinery NewApplyConflict): no name or kind in details, one cause per field. */
export function applyConflict(causes: NonNullable<Status['details']>['causes'], message: string): Status {
  return status(409, 'Conflict', message, { causes });
}

/** 422: `Pod "x" is invalid: <cause>` or `... is invalid: [a, b]`; details.kind is the Kind. */
export function invalid(kind: string, name: string, causes: FieldError[], group?: string): Status {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const msg = causes.length
    ? `${qualifiedKind} "${name}" is invalid: ${aggregate(causes.map(errorText))}`
    : `${qualifiedKind} "${name}" is invalid`;
  const d: NonNullable<Status['details']> = { name };
  if (group) d.group = group;
  d.kind = kind;
  d.causes = causes.map((c) => ({ reason: c.type, message: errorBody(c), field: c.field }));
  return status(422, 'Invalid', msg, d);
}

export function badRequest(message: string): Status {
  return status(400, 'BadRequest', message);
}

/** `pods "x" is forbidden: <why>` (403). */
export function forbidden(resource: string, name: string, why: string, group?: string): Status {
  return status(403, 'Forbidden', `${qualified(resource, group)} "${name}" is forbidden: ${why}`, details(resource, name, group));
}

/** What the server answers for a resource or path it does not serve (NewGenericServerResponse: empty details). */
export function resourceNotFound(): Status {
  return status(404, 'NotFound', 'the server could not find the requested resource', {});
}

/** The server cannot reach what the request needs (a Service without endpoints, a backend that does not answer). */
export function unavailable(message: string): Status {
  return status(503, 'ServiceUnavailable', message);
}

const GENERIC: Record<number, [string, string]> = {
  400: ['BadRequest', 'the server rejected our request for an unknown reason'],
  401: ['Unauthorized', 'the server has asked for the client to provide credentials'],
  403: ['Forbidden', 'the server does not allow access to the requested resource'],
  404: ['NotFound', 'the server could not find the requested resource'],
  405: ['MethodNotAllowed', 'the server does not allow this method on the requested resource'],
  409: ['Conflict', 'the server reported a conflict'],
  422: ['Invalid', 'the server rejected our request due to an error in our request'],
  429: ['TooManyRequests', 'the server has received too many requests and has asked us to try again later'],
  503: ['ServiceUnavailable', 'the server is currently unable to handle the request'],
  504: ['Timeout', 'the server was unable to return a response in the time allotted, but may still be processing the request'],
};

/**
 * What a client makes of an error answer whose body is not a Status (apimachinery NewGenericServerResponse
 * as client-go's unstructured response error calls it): `serverMessage` is a text/plain body, else "unknown".
 */
export function genericServerResponse(code: number, serverMessage: string): Status {
  const known = GENERIC[code];
  if (known) return status(code, known[0], known[1], {});
  if (code >= 500) return status(code, 'InternalError', `an error on the server (${JSON.stringify(serverMessage)}) has prevented the request from succeeding`, {});
  return status(code, 'Unknown', `the server responded with the status code ${code} but did not return more information`, {});
}

/** A method the server does not serve on a path (NewGenericServerResponse(405): empty details). */
export function methodNotAllowed(): Status {
  return status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});
}

/** A request whose credentials no authenticator accepts (the unauthorized handler's Status). */
export function unauthorized(): Status {
  return status(401, 'Unauthorized', 'Unauthorized');
}

export function tooLarge(limit: number): Status {
  return status(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);
}

/** An error the apiserver has no Status for (reason Unknown, 500): kubectl prints `Error from server: <message>`. */
export function unknownError(message: string): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 };
}

export function internalError(message: string): Status {
  return status(500, 'InternalError', `Internal error occurred: ${message}`);
}

/**
 * What kubectl's checkErr prints for a Status (kubectl `pkg/cmd/util/helpers.go`): Invalid errors as
 * `The Pod "x" is invalid: <one cause>` or a first line with one `* <cause>` per line; others as
 * `Error from server (<Reason>): <message>`.
 */
export function kubectlErrorText(s: Status): string {
  if (s.reason === 'Invalid') {
    const d = s.details;
    let head = 'The request is invalid';
    if (d && (d.kind || d.name)) head = `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid`;
    const causes = [...new Set((d?.causes ?? []).map((c) => (c.field ? `${c.field}: ${c.message}` : (c.message ?? ''))))];
    if (causes.length === 0) return head;
    if (causes.length === 1) return `${head}: ${causes[0]}`;
    return `${head}: \n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  return s.reason ? `Error from server (${s.reason}): ${s.message ?? ''}` : `Error from server: ${s.message ?? ''}`;
}
