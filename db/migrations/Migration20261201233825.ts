import { Migration } from '@mikro-orm/migrations';

export class Migration20261201233825 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "desk_sign_in_failure" ("id" serial primary key, "login" varchar(255) not null, "address" varchar(255) not null, "at" timestamptz not null);`);
    this.addSql(`create index "desk_sign_in_failure_login_index" on "desk_sign_in_failure" ("login");`);
    this.addSql(`create index "desk_sign_in_failure_address_index" on "desk_sign_in_failure" ("address");`);
    this.addSql(`create index "desk_sign_in_failure_at_index" on "desk_sign_in_failure" ("at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "desk_sign_in_failure" cascade;`);
  }

}
