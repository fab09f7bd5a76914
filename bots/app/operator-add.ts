import { createConfig } from './config';
import { initORM } from '../../db/orm';
import { SqlOperators } from '../../db/repositories/sql-operators';
import { hashPassword, oneTimePassword } from '../channels/desk/passwords';

/**
 * `npm run operator:add -- <login>`: adds a desk operator (or gives one a new password) and prints
 * a one-time password; the desk asks for the operator's own at the first sign-in.
 */
async function main(): Promise<void> {
  const login = process.argv[2]?.trim() ?? '';
  if (!/^[a-z0-9._-]{3,64}$/i.test(login)) {
    console.error('usage: npm run operator:add -- <login>   (3 to 64 of a-z, 0-9, ., _, -)');
    process.exit(2);
  }
  const config = createConfig(process.env);
  const orm = await initORM(config.database);
  try {
    const password = oneTimePassword();
    await new SqlOperators(orm).setPassword(login, await hashPassword(password), true, new Date());
    console.log(`operator ${login}: one-time password ${password} (the desk asks for a new one at the first sign-in)`);
  } finally {
    await orm.close();
  }
}

void main();
