import { Migration } from '@mikro-orm/migrations';

export class Migration20261203080142 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "interruption" ("id" serial primary key, "kind" varchar(16) not null, "area" text not null, "starts_at" timestamptz not null, "until" timestamptz not null, "reason" text not null, "ended_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "interruption" cascade;`);
  }

}
