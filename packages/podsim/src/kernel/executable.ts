/** The file format of a simulated executable: an ELF header, then the key of the Program behind it. */

/** First bytes of every simulated executable. */
const ELF_MAGIC = '\x7fELF\x02\x01\x01\x00';
export const STUB_MARKER = `${ELF_MAGIC}podsim:`;

export function executableStub(key: string): string {
  return `${STUB_MARKER}${key}\n`;
}
