/**
 * Calls in the last minute, counted in one-second buckets: constant work per call whatever the volume
 * (a list of timestamps made every call O(calls per minute) under load).
 */
export class MinuteWindow {
  private readonly buckets = new Array<number>(60).fill(0);
  private readonly bucketSecond = new Array<number>(60).fill(-1);

  private prune(nowSecond: number): void {
    for (let index = 0; index < 60; index += 1) {
      if ((this.bucketSecond[index] ?? -1) <= nowSecond - 60) {
        this.buckets[index] = 0;
        this.bucketSecond[index] = -1;
      }
    }
  }

  count(now: number): number {
    this.prune(Math.floor(now / 1000));
    return this.buckets.reduce((sum, value) => sum + value, 0);
  }

  add(now: number): void {
    const second = Math.floor(now / 1000);
    const index = second % 60;
    if (this.bucketSecond[index] !== second) {
      this.bucketSecond[index] = second;
      this.buckets[index] = 0;
    }
    this.buckets[index] = (this.buckets[index] ?? 0) + 1;
  }

  /** Seconds until the oldest counted call leaves the window. */
  secondsUntilFree(now: number): number {
    const nowSecond = Math.floor(now / 1000);
    const oldest = this.bucketSecond
      .filter((second) => second > nowSecond - 60 && second >= 0)
      .reduce((min, second) => Math.min(min, second), nowSecond);
    return oldest + 60 - now / 1000;
  }
}
