/** Builds a .npy file by hand for tests: any version, header dict and raw payload. */
export function npyFile(header: string, payload: Uint8Array = new Uint8Array(), major = 1): Uint8Array {
  const lengthBytes = major === 1 ? 2 : 4;
  const text = new TextEncoder().encode(header + '\n');
  const out = new Uint8Array(8 + lengthBytes + text.length + payload.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0]);
  const view = new DataView(out.buffer);
  if (major === 1) view.setUint16(8, text.length, true);
  else view.setUint32(8, text.length, true);
  out.set(text, 8 + lengthBytes);
  out.set(payload, 8 + lengthBytes + text.length);
  return out;
}
