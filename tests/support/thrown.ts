/** What `run` throws, through `pick` (errors that carry a code give their code); null when it does not throw. */
export function thrown(run: () => unknown, pick: (error: unknown) => unknown): unknown {
  try {
    run();
  } catch (error) {
    return pick(error);
  }
  return null;
}
