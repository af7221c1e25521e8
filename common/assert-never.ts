/** Exhaustiveness check for switches over discriminated unions: a new case fails to compile. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value ${JSON.stringify(x)}`);
}
