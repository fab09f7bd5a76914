import { Migration } from '@mikro-orm/migrations';

export class Migration20261124165521 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "chat_push" ("id" serial primary key, "channel" varchar(255) not null, "chat_id" varchar(255) not null, "message_key" varchar(255) not null, "message_args" jsonb not null, "queued_at" timestamptz not null, "next_attempt_at" timestamptz not null, "attempts" int not null default 0, "sent_at" timestamptz null, "last_error" text null);`);
    this.addSql(`create index "chat_push_next_attempt_at_index" on "chat_push" ("next_attempt_at");`);

    this.addSql(`alter table "chat_identity" add column "conversation_reference" jsonb null;`);
    this.addSql(`alter table "chat_identity" alter column "locale" type varchar(2) using ("locale"::varchar(2));`);
    this.addSql(`alter table "chat_identity" alter column "locale" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "chat_push" cascade;`);

    this.addSql(`alter table "chat_identity" drop column "conversation_reference";`);

    this.addSql(`alter table "chat_identity" alter column "locale" type varchar(2) using ("locale"::varchar(2));`);
    this.addSql(`alter table "chat_identity" alter column "locale" set not null;`);
  }

}
