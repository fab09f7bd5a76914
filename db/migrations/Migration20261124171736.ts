import { Migration } from '@mikro-orm/migrations';

export class Migration20261124171736 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "payment_order" add column "provider" varchar(255) not null default 'sandbox', add column "provider_payment_id" varchar(255) null;`);
    this.addSql(`create index "payment_order_provider_payment_id_index" on "payment_order" ("provider_payment_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "payment_order_provider_payment_id_index";`);
    this.addSql(`alter table "payment_order" drop column "provider", drop column "provider_payment_id";`);
  }

}
