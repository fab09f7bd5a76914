export default async function globalTeardown() {
  for (const service of globalThis.energobotTestServices ?? []) await service.stop();
}
