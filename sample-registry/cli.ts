// `npm run sample-registry [-- --port 4319 --revision 2 --bench 5000x3]`: the sample AgentNode
// registry on its own, for trying the connector by hand or pointing a second instance at it.
import { benchCatalog } from './bench-catalog';
import { demoCatalog } from './demo-catalog';
import { startSampleRegistry } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const bench = arg('bench')?.match(/^(\d+)x(\d+)$/);
const catalog = bench ? benchCatalog(Number(bench[1]), Number(bench[2])) : demoCatalog(arg('revision') === '1' ? 1 : 2);
const registry = await startSampleRegistry({
  catalog,
  port: Number(arg('port') ?? process.env.TOOLLEDGER_SAMPLE_REGISTRY_PORT ?? 4319),
  host: arg('host') ?? '127.0.0.1',
});
// The bench reads this line to learn the port.
console.log(`sample-registry listening on ${registry.url} (${catalog.count()} packages)`);
const stop = () => void registry.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
