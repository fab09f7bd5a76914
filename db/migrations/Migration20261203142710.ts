import { Migration } from '@mikro-orm/migrations';

export class Migration20261203142710 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "chat_push" add column "not_after" timestamptz null;`);

    this.addSql(`alter table "reminder_run" drop constraint "reminder_run_pkey";`);

    this.addSql(`alter table "reminder_run" rename column "broadcast" to "run";`);
    this.addSql(`alter table "reminder_run" add constraint "reminder_run_pkey" primary key ("run");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "chat_push" drop column "not_after";`);

    this.addSql(`alter table "reminder_run" drop constraint "reminder_run_pkey";`);

    this.addSql(`alter table "reminder_run" rename column "run" to "broadcast";`);
    this.addSql(`alter table "reminder_run" add constraint "reminder_run_pkey" primary key ("broadcast");`);
  }

}
