import { Migration } from '@mikro-orm/migrations';

export class Migration20261201233406 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "queued_mail" add column "to_ereceipt_address" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "queued_mail" drop column "to_ereceipt_address";`);
  }

}
