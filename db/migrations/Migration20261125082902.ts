import { Migration } from '@mikro-orm/migrations';

export class Migration20261125082902 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "account_invite" ("id" serial primary key, "token_hash" varchar(64) not null, "account" varchar(12) not null, "inviter_channel" varchar(255) not null, "inviter_chat_id" varchar(255) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "used_by_channel" varchar(255) null, "used_by_chat_id" varchar(255) null);`);
    this.addSql(`alter table "account_invite" add constraint "account_invite_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "account_invite_account_index" on "account_invite" ("account");`);

    this.addSql(`alter table "account" add column "readings_without_link_change" jsonb null;`);

    this.addSql(`alter table "account_link" add column "via" varchar(255) not null default 'proof';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "account_invite" cascade;`);

    this.addSql(`alter table "account" drop column "readings_without_link_change";`);

    this.addSql(`alter table "account_link" drop column "via";`);
  }

}
