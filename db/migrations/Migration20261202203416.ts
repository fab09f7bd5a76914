import { Migration } from '@mikro-orm/migrations';

export class Migration20261202203416 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "flow_state" ("key" varchar(300) not null, "value" text not null, "expires_at" timestamptz not null, constraint "flow_state_pkey" primary key ("key"));`);
    this.addSql(`create index "flow_state_expires_at_index" on "flow_state" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "flow_state" cascade;`);
  }

}
