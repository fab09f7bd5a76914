import { Migration } from '@mikro-orm/migrations';

export class Migration20261202200431 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "reading_photo" ("id" serial primary key, "handover_key" varchar(64) not null, "account_number" varchar(12) not null, "period" varchar(7) not null, "serial_number" varchar(255) not null, "submitted_at" timestamptz not null, "file_id" varchar(22) not null, "name" varchar(255) not null, "mime" varchar(255) not null, "size" int not null);`);
    this.addSql(`create index "reading_photo_account_number_period_index" on "reading_photo" ("account_number", "period");`);
    this.addSql(`create index "reading_photo_submitted_at_index" on "reading_photo" ("submitted_at");`);
    this.addSql(`alter table "reading_photo" add constraint "reading_photo_handover_key_file_id_unique" unique ("handover_key", "file_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "reading_photo" cascade;`);
  }

}
