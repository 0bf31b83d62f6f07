export async function resolutionBench() {
  return undefined;
}
