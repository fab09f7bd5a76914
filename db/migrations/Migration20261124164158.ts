import { Migration } from '@mikro-orm/migrations';

export class Migration20261124164158 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "stored_file" ("id" serial primary key, "token_hash" varchar(64) not null, "name" varchar(255) not null, "mime" varchar(255) not null, "content" bytea not null, "expires_at" timestamptz not null);`);
    this.addSql(`alter table "stored_file" add constraint "stored_file_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "stored_file_expires_at_index" on "stored_file" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stored_file" cascade;`);
  }

}
