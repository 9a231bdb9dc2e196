import { openTestApp } from './helpers/store.js';
import { understand } from '../src/understanding/understand.js';
import { dayOf } from '../src/time/day.js';
const app = await openTestApp();
const dir = await app.ctx.directory.get();
const ctx = { dir, today: dayOf(app.ctx.clock.now()), role: (process.env.ROLE ?? null) as never, commands: new Set(app.router.commands.map((c) => c.name)) };
const qs = process.argv.slice(2);
for (const q of qs) { const u = understand(q, ctx); console.log(q.padEnd(50), ' => ', u.kind === 'command' ? `/${u.command} ${u.args}`.trim() + (u.focus ? `  [${u.focus}]` : '') : JSON.stringify(u)); }
await app.dispose();
