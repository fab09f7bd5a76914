import { Migration } from '@mikro-orm/migrations';

export class Migration20261125031302 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "relay_activity" ("id" serial primary key, "conversation_id" varchar(32) not null, "seq" int not null, "activity" jsonb not null);`);
    this.addSql(`alter table "relay_activity" add constraint "relay_activity_conversation_id_seq_unique" unique ("conversation_id", "seq");`);

    this.addSql(`create table "relay_conversation" ("id" varchar(32) not null, "user_id" varchar(255) not null, "locale" varchar(8) not null, "token_hash" varchar(64) not null, "started_at" timestamptz not null, "token_expires_at" timestamptz not null, "kept_until" timestamptz not null, constraint "relay_conversation_pkey" primary key ("id"));`);
    this.addSql(`create index "relay_conversation_user_id_index" on "relay_conversation" ("user_id");`);
    this.addSql(`create index "relay_conversation_token_hash_index" on "relay_conversation" ("token_hash");`);
    this.addSql(`create index "relay_conversation_kept_until_index" on "relay_conversation" ("kept_until");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "relay_activity" cascade;`);

    this.addSql(`drop table if exists "relay_conversation" cascade;`);
  }

}
