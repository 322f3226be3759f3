/**
 * The Swagger 2.0 document as the protobuf kubectl reads (`application/com.github.proto-openapi.spec.v2@v1.0+protobuf`,
 * google/gnostic openapiv2/OpenAPIv2.proto): client-go unmarshals /openapi/v2 as protobuf only. Converts
 * the JSON document field by field; `x-` extensions become NamedAny values whose YAML is their JSON.
 * Covers what swaggerDocument() produces, not all of Swagger.
 */

type Json = Record<string, unknown>;

/** The reply's type: the Accept spelling with `@` is not a valid media type for Go's mime parser. */
export const SWAGGER_PROTO_TYPE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

/** Protobuf wire encoding: only what the messages below use (varints and length-delimited fields). */
class Writer {
  private readonly parts: Buffer[] = [];

  private varint(n: number): void {
    const bytes: number[] = [];
    let v = n;
    while (v > 0x7f) {
      bytes.push((v % 128) | 0x80);
      v = Math.floor(v / 128);
    }
    bytes.push(v);
    this.parts.push(Buffer.from(bytes));
  }

  bytes(no: number, b: Buffer): this {
    this.varint(no * 8 + 2);
    this.varint(b.length);
    this.parts.push(b);
    return this;
  }

  string(no: number, s: unknown): this {
    return typeof s === 'string' && s !== '' ? this.bytes(no, Buffer.from(s, 'utf8')) : this;
  }

  strings(no: number, list: unknown): this {
    if (Array.isArray(list)) for (const s of list) this.bytes(no, Buffer.from(String(s), 'utf8'));
    return this;
  }

  bool(no: number, b: unknown): this {
    if (b === true) {
      this.varint(no * 8);
      this.varint(1);
    }
    return this;
  }

  message(no: number, m: Writer | undefined): this {
    return m ? this.bytes(no, m.finish()) : this;
  }

  finish(): Buffer {
    return Buffer.concat(this.parts);
  }
}

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

/** Any{yaml}: JSON is YAML. */
const anyValue = (v: unknown): Writer => new Writer().string(2, JSON.stringify(v));

/** NamedAny entries for the `x-` keys of an object. */
function extensions(w: Writer, no: number, o: Json): Writer {
  for (const [k, v] of Object.entries(o)) if (k.startsWith('x-')) w.message(no, new Writer().string(1, k).message(2, anyValue(v)));
  return w;
}

function schema(s: Json): Writer {
  const w = new Writer().string(1, s.$ref).string(2, s.format).string(4, s.description);
  if (s.default !== undefined) w.message(5, anyValue(s.default));
  w.strings(19, s.required);
  if (Array.isArray(s.enum)) for (const e of s.enum) w.message(20, anyValue(e));
  if (s.additionalProperties !== undefined) w.message(21, new Writer().message(1, schema(obj(s.additionalProperties))));
  if (typeof s.type === 'string') w.message(22, new Writer().string(1, s.type));
  if (s.items !== undefined) w.message(23, new Writer().message(1, schema(obj(s.items))));
  if (Array.isArray(s.allOf)) for (const a of s.allOf) w.message(24, schema(obj(a)));
  if (s.properties !== undefined) w.message(25, named(obj(s.properties), schema));
  return extensions(w, 31, s);
}

/** `repeated Named<T> additional_properties = 1` maps. */
function named(map: Json, encode: (v: Json) => Writer, no = 1): Writer {
  const w = new Writer();
  for (const [k, v] of Object.entries(map)) w.message(no, new Writer().string(1, k).message(2, encode(obj(v))));
  return w;
}

function parameter(p: Json): Writer {
  if (p.in === 'body') return new Writer().message(1, new Writer().string(1, p.description).string(2, p.name).string(3, p.in).bool(4, p.required).message(5, schema(obj(p.schema))));
  // NonBodyParameter: query (3) and path (4) sub-schemas differ in where `type` and `uniqueItems` sit.
  const query = p.in === 'query';
  const sub = new Writer().bool(1, p.required).string(2, p.in).string(3, p.description).string(4, p.name).string(query ? 6 : 5, p.type).bool(query ? 20 : 19, p.uniqueItems);
  return new Writer().message(2, new Writer().message(query ? 3 : 4, sub));
}

const parametersItem = (p: Json): Writer => new Writer().message(1, parameter(p));

function operation(op: Json): Writer {
  const w = new Writer().string(3, op.description).string(5, op.operationId).strings(6, op.produces).strings(7, op.consumes);
  for (const p of (op.parameters as Json[] | undefined) ?? []) w.message(8, parametersItem(p));
  const responses = named(obj(op.responses), (r) => new Writer().message(1, new Writer().string(1, r.description).message(2, r.schema ? new Writer().message(1, schema(obj(r.schema))) : undefined)));
  w.message(9, responses);
  return extensions(w, 13, op);
}

const METHODS: Record<string, number> = { get: 2, put: 3, post: 4, delete: 5, patch: 8 };

function pathItem(p: Json): Writer {
  const w = new Writer();
  for (const [m, no] of Object.entries(METHODS)) if (p[m]) w.message(no, operation(obj(p[m])));
  for (const param of (p.parameters as Json[] | undefined) ?? []) w.message(9, parametersItem(param));
  return extensions(w, 10, p);
}

export function encodeSwaggerProto(doc: Json): Buffer {
  const info = obj(doc.info);
  return new Writer()
    .string(1, doc.swagger)
    .message(2, new Writer().string(1, info.title).string(2, info.version))
    .message(8, named(obj(doc.paths), pathItem, 2))
    .message(9, named(obj(doc.definitions), schema))
    .finish();
}
