/**
 * Field errors as apimachinery reports them (`pkg/util/validation/field/errors.go`):
 * `<field>: <Type>[: <value>][: <detail>]`, the texts kubectl shows for Invalid objects.
 */

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany';

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
};

/** A value printed verbatim (Go `%#v` renderings such as `map[string]string{"app":"web"}`). */
export class GoValue {
  constructor(readonly text: string) {}
}

export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** Omitted for Required/Forbidden/TooLong, which never print the value. */
  value?: unknown;
  hasValue: boolean;
  detail: string;
}

function make(type: FieldErrorType, field: string, detail: string, value?: unknown, hasValue = false): FieldError {
  return { type, field, detail, value, hasValue };
}

export const fieldError = {
  required: (field: string, detail = '') => make('FieldValueRequired', field, detail),
  forbidden: (field: string, detail: string) => make('FieldValueForbidden', field, detail),
  invalid: (field: string, value: unknown, detail: string) => make('FieldValueInvalid', field, detail, value, true),
  duplicate: (field: string, value: unknown) => make('FieldValueDuplicate', field, '', value, true),
  notFound: (field: string, value: unknown) => make('FieldValueNotFound', field, '', value, true),
  notSupported: (field: string, value: unknown, supported: string[]) =>
    make('FieldValueNotSupported', field, supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : '', value, true),
  tooLong: (field: string, max: number) => make('FieldValueTooLong', field, `may not be more than ${max} bytes`),
  tooMany: (field: string, actual: number, max: number) => make('FieldValueTooMany', field, `must have at most ${max} items`, actual, true),
};

/** Go's %q for the strings we produce (JSON escaping matches it for printable text). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

function formatValue(v: unknown): string {
  if (v instanceof GoValue) return v.text;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** The part after `<field>: `. */
export function errorBody(e: FieldError): string {
  const always = e.type === 'FieldValueRequired' || e.type === 'FieldValueForbidden' || e.type === 'FieldValueTooLong';
  let s = TYPE_TEXT[e.type];
  if (!always && e.hasValue) s += `: ${formatValue(e.value)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export function errorText(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** utilerrors.Aggregate: duplicates dropped, one message bare, several as `[a, b]`. */
export function aggregate(messages: string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}
