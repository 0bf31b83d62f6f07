export async function readsBench() {
  return undefined;
}
