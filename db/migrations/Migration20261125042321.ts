import { Migration } from '@mikro-orm/migrations';

export class Migration20261125042321 extends Migration {

  override async up(): Promise<void> {
    // Relay conversations are kept three days at most: those of before this column simply start anew.
    this.addSql(`delete from "relay_activity";`);
    this.addSql(`delete from "relay_conversation";`);
    this.addSql(`alter table "relay_conversation" add column "connector_secret" varchar(64) not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "relay_conversation" drop column "connector_secret";`);
  }

}
