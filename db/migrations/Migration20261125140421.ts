import { Migration } from '@mikro-orm/migrations';

export class Migration20261125140421 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "payment_order_account_number_status_completed_at_index" on "payment_order" ("account_number", "status", "completed_at");`);
    this.addSql(`create index "payment_order_status_created_at_index" on "payment_order" ("status", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "payment_order_account_number_status_completed_at_index";`);
    this.addSql(`drop index "payment_order_status_created_at_index";`);
  }

}
