import { randomBytes } from 'node:crypto';
import {
  type AwardCommand,
  type CommandIo,
  expectPositionals,
  identifierArg,
  oneOf,
  parseCommandArgs,
  positional,
  runCommand,
  UsageError,
} from './localCommand.js';

const usage =
  'award user add <name> --role unit|reviewer|auditor [--unit ID] [--password-stdin]\n       award user list';

const roles = { unit: 'recommending_unit', reviewer: 'reviewer', auditor: 'auditor' } as const;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/**
 * The web console's users (`<AWARD_HOME>/users.json`, scrypt hashes only). Without `--password-stdin` a random
 * password is made and printed once.
 */
export const userCommand: AwardCommand = {
  name: 'user',
  summary: 'add or list the web console users (unit, reviewer, auditor)',
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      const { values, positionals } = parseCommandArgs(args, {
        role: { type: 'string' },
        unit: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      });
      const sub = oneOf(positionals[0], ['add', 'list'] as const, 'the subcommand');
      const { ConsoleUsers } = await import('../web/users.js');
      const { awardHome } = await import('../local/awardHome.js');
      const users = ConsoleUsers.inHome(awardHome(io.env, io.cwd).root);
      if (sub === 'list') {
        expectPositionals(positionals, ['list']);
        const all = users.list();
        if (all.length === 0) io.out('no users');
        for (const u of all) io.out(`${u.name.padEnd(20)} ${u.role}${u.unitId ? ` ${u.unitId}` : ''}`);
        return 0;
      }
      const name = positional(positionals, 1, 'name');
      expectPositionals(positionals, ['add', 'name']);
      identifierArg(name, '<name>');
      const role = roles[oneOf(values.role, Object.keys(roles) as (keyof typeof roles)[], '--role')];
      if (role === 'recommending_unit' && !values.unit) throw new UsageError('--unit ID is required for a unit user');
      if (role !== 'recommending_unit' && values.unit) throw new UsageError('--unit is only for a unit user');
      if (values.unit) identifierArg(values.unit, '--unit');
      const password = values['password-stdin'] ? await readStdin() : randomBytes(12).toString('base64url');
      if (password.length < 8) throw new UsageError('the password needs at least 8 characters');
      await users.add({ name, role, password, ...(values.unit ? { unitId: values.unit } : {}) });
      io.out(`user ${name} (${role}${values.unit ? `, unit ${values.unit}` : ''}) saved in ${users.file}`);
      if (!values['password-stdin']) io.out(`password: ${password}`);
      return 0;
    }),
};
