import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(__dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

interface Import {
  readonly from: string;
  /** A package, or a file of the repository relative to its root. */
  readonly to: string;
  readonly typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const source = readFileSync(file, 'utf8');
  const statements = [...source.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)';/gm)].map((match) => ({
    spec: match[2] as string,
    typeOnly: match[1] !== undefined,
  }));
  const dynamic = [...source.matchAll(/(?:\bimport|\brequire)\s*\(\s*'([^']+)'\s*\)/g)].map((match) => ({ spec: match[1] as string, typeOnly: false }));
  return [...statements, ...dynamic].map(({ spec, typeOnly }) => {
    if (!spec.startsWith('.')) return { from: relative(root, file), to: spec, typeOnly };
    const target = resolve(dirname(file), spec);
    const path = [`${target}.ts`, join(target, 'index.ts'), target].find((candidate) => existsSync(candidate)) ?? target;
    return { from: relative(root, file), to: relative(root, path), typeOnly };
  });
}

const sources = ['core', 'db', 'bots'].flatMap((dir) => files(join(root, dir)));
const imports = sources.flatMap(importsOf);
const under = (folder: string) => (path: string) => path.startsWith(`${folder}/`) || path === `${folder}.ts`;
const packageOf = (to: string) => (to.startsWith('@') ? to.split('/').slice(0, 2).join('/') : (to.split('/')[0] as string));
const breaking = (rule: (edge: Import) => boolean) => imports.filter(rule).map((edge) => `${edge.from} imports ${edge.to}`);

const frameworks = [
  'grammy',
  '@grammyjs/auto-retry',
  '@grammyjs/transformer-throttler',
  'botbuilder',
  'restify',
  '@mikro-orm/core',
  '@mikro-orm/libsql',
  '@mikro-orm/postgresql',
  '@mikro-orm/migrations',
  'ioredis',
  'nodemailer',
  'pg',
  'pdfmake',
  'piscina',
  'busboy',
  'mailparser',
  'smtp-server',
  'prom-client',
];
const persistence = ['@mikro-orm/core', '@mikro-orm/libsql', '@mikro-orm/postgresql', '@mikro-orm/migrations', 'ioredis', 'pg'];

describe('the ring: who may import whom', () => {
  it('the core imports no framework, and nothing of db/ or bots/', () => {
    expect(breaking((edge) => under('core')(edge.from) && (frameworks.includes(packageOf(edge.to)) || under('db')(edge.to) || under('bots')(edge.to)))).toEqual(
      [],
    );
  });

  it('the kernel imports only the kernel', () => {
    expect(breaking((edge) => under('core/kernel')(edge.from) && edge.to.startsWith('core/') && !under('core/kernel')(edge.to))).toEqual([]);
  });

  it('features never import the runner: the runner runs them, not the other way round', () => {
    expect(breaking((edge) => under('core/features')(edge.from) && under('core/runner')(edge.to))).toEqual([]);
  });

  it('channels import the core and the composition, never db/, an integration, the ORM or Redis', () => {
    expect(
      breaking(
        (edge) =>
          under('bots/channels')(edge.from) && (under('db')(edge.to) || under('bots/integrations')(edge.to) || persistence.includes(packageOf(edge.to))),
      ),
    ).toEqual([]);
  });

  it('adapters (db/ and the integrations) import the core, never a channel or the composition', () => {
    const adapter = (path: string) => under('db')(path) || under('bots/integrations')(path);
    expect(breaking((edge) => adapter(edge.from) && (under('bots/channels')(edge.to) || under('bots/app')(edge.to)))).toEqual([]);
  });

  it('has no import circle, not even through types: the types of a flow do not lead back to the list of features', () => {
    const graph = new Map<string, string[]>();
    for (const edge of imports) if (edge.to.endsWith('.ts')) graph.set(edge.from, [...(graph.get(edge.from) ?? []), edge.to]);
    expect(circles(graph)).toEqual([]);
  });

  it('reads every import: the composition does import db/, a channel grammY, a flow the kernel services as types', () => {
    expect(imports).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'bots/app/compose.ts', to: 'db/orm.ts', typeOnly: false }),
        expect.objectContaining({ from: 'bots/channels/telegram/telegram-bot.ts', to: 'grammy' }),
        expect.objectContaining({ from: 'core/features/readings/submit-readings.ts', to: 'core/kernel/services.ts', typeOnly: true }),
      ]),
    );
  });
});

describe('flows', () => {
  it('get their ports only through the recording wrapper: no feature names `Services`, the clock or a hand-written effect', () => {
    const offending = files(join(root, 'core', 'features')).flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return [/\bServices\b(?<!FlowServices)/, /\.clock\b/, /\.effect\(/, /new Date\(\)/, /Date\.now\(/, /Math\.random\(/]
        .filter((pattern) => pattern.test(source))
        .map((pattern) => `${relative(root, file)} matches ${pattern}`);
    });
    expect(offending).toEqual([]);
  });
});

/** The strongly connected parts of more than one file (Tarjan's). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    order.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node) as number, order.get(next) as number));
      }
    }
    if (low.get(node) === order.get(node)) {
      const part: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member !== undefined) part.push(member);
      } while (member !== node);
      if (part.length > 1) found.push(part.sort());
    }
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return found;
}
