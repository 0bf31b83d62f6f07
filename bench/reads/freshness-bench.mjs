export async function freshnessBench() {
  return undefined;
}
