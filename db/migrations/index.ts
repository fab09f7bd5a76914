import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124153754 } from './Migration20261124153754';
import { Migration20261124163719 } from './Migration20261124163719';
import { Migration20261124164158 } from './Migration20261124164158';
import { Migration20261124165521 } from './Migration20261124165521';
import { Migration20261124171305 } from './Migration20261124171305';
import { Migration20261124171736 } from './Migration20261124171736';
import { Migration20261125031302 } from './Migration20261125031302';
import { Migration20261125034032 } from './Migration20261125034032';
import { Migration20261125042321 } from './Migration20261125042321';
import { Migration20261125042725 } from './Migration20261125042725';
import { Migration20261125071024 } from './Migration20261125071024';
import { Migration20261125074624 } from './Migration20261125074624';
import { Migration20261125082902 } from './Migration20261125082902';
import { Migration20261125140421 } from './Migration20261125140421';
import { Migration20261201231145 } from './Migration20261201231145';
import { Migration20261201233406 } from './Migration20261201233406';
import { Migration20261201233825 } from './Migration20261201233825';
import { Migration20261201234332 } from './Migration20261201234332';
import { Migration20261202000209 } from './Migration20261202000209';
import { Migration20261202101747 } from './Migration20261202101747';

/** Listed here rather than discovered on disk, so they run the same under tsx, jest and node. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124153754', class: Migration20261124153754 },
  { name: 'Migration20261124163719', class: Migration20261124163719 },
  { name: 'Migration20261124164158', class: Migration20261124164158 },
  { name: 'Migration20261124165521', class: Migration20261124165521 },
  { name: 'Migration20261124171305', class: Migration20261124171305 },
  { name: 'Migration20261124171736', class: Migration20261124171736 },
  { name: 'Migration20261125031302', class: Migration20261125031302 },
  { name: 'Migration20261125034032', class: Migration20261125034032 },
  { name: 'Migration20261125042321', class: Migration20261125042321 },
  { name: 'Migration20261125042725', class: Migration20261125042725 },
  { name: 'Migration20261125071024', class: Migration20261125071024 },
  { name: 'Migration20261125074624', class: Migration20261125074624 },
  { name: 'Migration20261125082902', class: Migration20261125082902 },
  { name: 'Migration20261125140421', class: Migration20261125140421 },
  { name: 'Migration20261201231145', class: Migration20261201231145 },
  { name: 'Migration20261201233406', class: Migration20261201233406 },
  { name: 'Migration20261201233825', class: Migration20261201233825 },
  { name: 'Migration20261201234332', class: Migration20261201234332 },
  { name: 'Migration20261202000209', class: Migration20261202000209 },
  { name: 'Migration20261202101747', class: Migration20261202101747 },
];
