/** Start-up problems with the database file: what is wrong, and what to do about it. */

export class StoreError extends Error {
  override name = 'StoreError';

  constructor(
    readonly file: string,
    problem: string,
    fix: string,
  ) {
    super(`incident store ${file}: ${problem}. ${fix}`);
  }
}
