import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const forbidden = ['grammy', 'botbuilder', 'restify', '@mikro-orm', 'ioredis', 'nodemailer', 'pg'];
const coreDir = join(__dirname, '..', '..', 'core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('core/', () => {
  it('imports no chat SDK, ORM, Redis or mail client, and nothing from bots/ or db/', () => {
    const offending = files(coreDir).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)'([^']+)'/g)]
        .map((match) => match[1] as string)
        .filter(
          (module) =>
            forbidden.some((name) => module === name || module.startsWith(`${name}/`)) ||
            /^(\.\.\/)+(bots|db)\//.test(module) ||
            (module.startsWith('.') && /(^|\/)(bots|db)(\/|$)/.test(join(relative(coreDir, file), '..', module))),
        )
        .map((module) => `${relative(coreDir, file)} imports ${module}`),
    );
    expect(offending).toEqual([]);
  });

  it('gives flows their ports only through the recording wrapper: no flow names `Services`, the clock or a hand-written effect', () => {
    const flowFiles = files(join(coreDir, 'features')).concat(join(coreDir, 'features.ts'));
    const offending = flowFiles.flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return [/\bServices\b(?<!FlowServices)/, /\.clock\b/, /\.effect\(/, /new Date\(\)/, /Date\.now\(/, /Math\.random\(/]
        .filter((pattern) => pattern.test(source))
        .map((pattern) => `${relative(coreDir, file)} matches ${pattern}`);
    });
    expect(offending).toEqual([]);
  });
});
