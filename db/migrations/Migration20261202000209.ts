import { Migration } from '@mikro-orm/migrations';

export class Migration20261202000209 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "link_failure" add column "network" varchar(255) null;`);
    this.addSql(`create index "link_failure_network_failed_at_index" on "link_failure" ("network", "failed_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "link_failure_network_failed_at_index";`);
    this.addSql(`alter table "link_failure" drop column "network";`);
  }

}
