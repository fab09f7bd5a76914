import { defineEntity, p } from '@mikro-orm/core';

/** How far `npm run import` got in one file, committed with the rows it covers: a killed import resumes here. */
export const ImportCheckpoint = defineEntity({
  name: 'ImportCheckpoint',
  properties: {
    /** The file's name within the import directory. */
    file: p.string().primary(),
    /** The file's SHA-256: a changed file is imported from its start again. */
    sha256: p.string().length(64),
    /** Lines done (the header included); the next batch starts after them. */
    lines: p.integer(),
    rows: p.integer(),
    rejected: p.integer().default(0),
    done: p.boolean().default(false),
    updatedAt: p.datetime(),
  },
});
