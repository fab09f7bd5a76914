import { Migration } from '@mikro-orm/migrations';

export class Migration20261203132728 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "reminder_run" ("broadcast" varchar(255) not null, "finished_at" timestamptz not null, constraint "reminder_run_pkey" primary key ("broadcast"));`);

    this.addSql(`create table "reminder_subscription" ("id" serial primary key, "channel" varchar(255) not null, "chat_id" varchar(255) not null, "account" varchar(12) not null, "kind" varchar(16) not null, "since" timestamptz not null);`);
    this.addSql(`create index "reminder_subscription_kind_index" on "reminder_subscription" ("kind");`);
    this.addSql(`alter table "reminder_subscription" add constraint "reminder_subscription_channel_chat_id_account_kind_unique" unique ("channel", "chat_id", "account", "kind");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "reminder_run" cascade;`);

    this.addSql(`drop table if exists "reminder_subscription" cascade;`);
  }

}
