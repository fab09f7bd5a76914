import { Migration } from '@mikro-orm/migrations';

export class Migration20261124171305 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "payment_order" ("id" varchar(32) not null, "account_number" varchar(12) not null, "amount_kopecks" int not null, "includes_estimate" boolean not null, "channel" varchar(255) not null, "chat_id" varchar(255) not null, "status" varchar(255) not null default 'pending', "created_at" timestamptz not null, "completed_at" timestamptz null, constraint "payment_order_pkey" primary key ("id"));`);

    this.addSql(`alter table "payment_order" add constraint "payment_order_account_number_foreign" foreign key ("account_number") references "account" ("number") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_order" cascade;`);
  }

}
