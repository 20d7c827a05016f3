import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { PamojaError } from '../../../shared/errors.ts';
import { languages } from '../../../shared/i18n.ts';
import { SessionMode } from '../../../shared/schema/enums.ts';
import { draftPlan } from '../../services/sessions/plan.ts';
import { recommendedPractices } from '../../services/sessions/practices.ts';
import { draftHandout, sessionHandout } from '../../services/sessions/print.ts';
import { EXIT_OK, parseFlags, required, type Command } from '../command.ts';
import { openExistingStore } from '../openExisting.ts';

const Flags = z.object({
  cluster: z.uuid({ error: 'not a cluster id (see `pamoja list clusters`)' }),
  date: z.iso.date({ error: 'a date like 2026-03-12' }),
  lang: z.enum(languages).default('en'),
  mode: SessionMode.default('in_person'),
  problem: z.string().max(500).default(''),
});

/**
 * `pamoja plan`: the printable plan for a cluster's session on a date. A session already
 * planned for that day prints as the coach saved it; otherwise a fresh agenda is built
 * from the store (nothing is written to it).
 */
export const planCommand: Command = {
  name: 'plan',
  summary: "Write the printable plan (HTML handout) for a cluster's next session",
  usage:
    'pamoja plan --db FILE --cluster ID --date YYYY-MM-DD --out plan.html [--lang en|sw] [--mode in_person|phone|whatsapp] [--problem TEXT]',
  run(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      cluster: { type: 'string' },
      date: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      mode: { type: 'string' },
      problem: { type: 'string' },
    });
    const db = required(values.db, 'db');
    const out = required(values.out, 'out');
    const parsed = Flags.safeParse({
      cluster: required(values.cluster, 'cluster'),
      date: required(values.date, 'date'),
      lang: values.lang,
      mode: values.mode,
      problem: values.problem,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PamojaError(
        'invalid',
        `--${String(issue?.path[0] ?? 'flags')}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const f = parsed.data;

    const store = openExistingStore(db);
    try {
      const planned = store.statements
        .get(
          `SELECT id FROM sessions WHERE cluster_id = ? AND date = ? AND status = 'planned'
           ORDER BY kind = 'meeting' DESC, seq DESC LIMIT 1`,
        )
        .get(f.cluster, f.date) as { id: string } | undefined;
      const { html } = planned
        ? sessionHandout(store, planned.id, f.lang)
        : draftHandout(
            store,
            draftPlan(
              store,
              {
                clusterId: f.cluster,
                date: f.date,
                kind: 'meeting',
                mode: f.mode,
                problem: f.problem,
                lang: f.lang,
              },
              recommendedPractices,
            ),
            f.lang,
          );
      const path = resolve(out);
      writeFileSync(path, html);
      io.stdout(`Wrote ${path} (${planned ? 'the session planned for that day' : 'a new draft agenda'}).\n`);
      return EXIT_OK;
    } finally {
      store.close();
    }
  },
};
