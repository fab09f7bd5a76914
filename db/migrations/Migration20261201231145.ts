import { Migration } from '@mikro-orm/migrations';

export class Migration20261201231145 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "dead_letter" ("id" serial primary key, "chat" varchar(255) not null, "update_id" varchar(255) not null, "input_kind" varchar(255) not null, "failures" int not null, "failure" varchar(255) not null, "set_aside_at" timestamptz not null);`);
    this.addSql(`alter table "dead_letter" add constraint "dead_letter_chat_update_id_unique" unique ("chat", "update_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dead_letter" cascade;`);
  }

}
