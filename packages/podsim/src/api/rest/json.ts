/** JSON as Go's encoding/json writes it: `<`, `>`, `&`, U+2028 and U+2029 escaped; Encode's trailing newline, MarshalIndent's two spaces. */

const escape = (s: string): string => s.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** json.Marshal (compact). */
export function goMarshal(v: unknown): string {
  return escape(JSON.stringify(v));
}

/** What the apiserver writes: json.Encoder's compact line, or MarshalIndent (no newline) when pretty. */
export function goJsonText(v: unknown, pretty: boolean): string {
  return pretty ? escape(JSON.stringify(v, null, 2)) : `${goMarshal(v)}\n`;
}
