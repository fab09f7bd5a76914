import { Migration } from '@mikro-orm/migrations';

export class Migration20261125042725 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "account_lookup" ("id" serial primary key, "origin" varchar(255) not null, "account_number" varchar(12) not null, "looked_up_at" timestamptz not null);`);
    this.addSql(`create index "account_lookup_origin_looked_up_at_index" on "account_lookup" ("origin", "looked_up_at");`);

    this.addSql(`create table "link_failure_notice" ("account_number" varchar(12) not null, "notified_at" timestamptz not null, constraint "link_failure_notice_pkey" primary key ("account_number"));`);

    this.addSql(`alter table "chat_identity" add column "origin" varchar(255) null;`);

    this.addSql(`alter table "link_failure" add column "origin" varchar(255) not null default '';`);
    this.addSql(`create index "link_failure_origin_failed_at_index" on "link_failure" ("origin", "failed_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "account_lookup" cascade;`);

    this.addSql(`drop table if exists "link_failure_notice" cascade;`);

    this.addSql(`alter table "chat_identity" drop column "origin";`);

    this.addSql(`drop index "link_failure_origin_failed_at_index";`);
    this.addSql(`alter table "link_failure" drop column "origin";`);
  }

}
