import { Migration } from '@mikro-orm/migrations';

export class Migration20261203142710 extends Migration {

  override async up(): Promise<void> {
    // The outbox is never purged: its new index may take longer than the pool's statement timeout.
    this.addSql(`set local statement_timeout = 0;`);
    this.addSql(`alter table "chat_push" add column "not_after" timestamptz null;`);
    this.addSql(`create index "chat_push_not_after_index" on "chat_push" ("not_after");`);

    this.addSql(`alter table "reminder_run" drop constraint "reminder_run_pkey";`);

    this.addSql(`alter table "reminder_run" rename column "broadcast" to "run";`);
    this.addSql(`alter table "reminder_run" add constraint "reminder_run_pkey" primary key ("run");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "chat_push_not_after_index";`);
    this.addSql(`alter table "chat_push" drop column "not_after";`);

    this.addSql(`alter table "reminder_run" drop constraint "reminder_run_pkey";`);

    this.addSql(`alter table "reminder_run" rename column "run" to "broadcast";`);
    this.addSql(`alter table "reminder_run" add constraint "reminder_run_pkey" primary key ("broadcast");`);
  }

}
