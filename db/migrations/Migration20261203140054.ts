import { Migration } from '@mikro-orm/migrations';

export class Migration20261203140054 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "interruption" add column "fingerprint" varchar(64) null;`);
    this.addSql(`alter table "interruption" add constraint "interruption_fingerprint_unique" unique ("fingerprint");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "interruption" drop constraint "interruption_fingerprint_unique";`);
    this.addSql(`alter table "interruption" drop column "fingerprint";`);
  }

}
