/** A growable list of 32-bit integers (no per-item allocation on the hot path). */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 64) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /**
   * Makes room for at least `needed` items after the first `count` (the caller fills `data`
   * directly, keeping its own count, and sets `length` when done); returns the data array.
   */
  reserve(count: number, needed: number): Int32Array {
    if (count + needed > this.data.length) {
      let capacity = this.data.length * 2;
      while (capacity < count + needed) capacity *= 2;
      const grown = new Int32Array(capacity);
      grown.set(this.data.subarray(0, count));
      this.data = grown;
    }
    return this.data;
  }

  get(index: number): number {
    return this.data[index]!;
  }
}
