/** A growable list of bytes, filled directly by its owner (see `IntList#reserve`). */
export class ByteList {
  data: Uint8Array;
  length = 0;

  constructor(capacity = 64) {
    this.data = new Uint8Array(capacity);
  }

  /** As `IntList#reserve`: room for `needed` more bytes after the first `count`; returns the data array. */
  reserve(count: number, needed: number): Uint8Array {
    if (count + needed > this.data.length) {
      let capacity = this.data.length * 2;
      while (capacity < count + needed) capacity *= 2;
      const grown = new Uint8Array(capacity);
      grown.set(this.data.subarray(0, count));
      this.data = grown;
    }
    return this.data;
  }
}
