import { Migration } from '@mikro-orm/migrations';

export class Migration20261125034032 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "chat_push" add column "gave_up_at" timestamptz null;`);

    this.addSql(`alter table "queued_mail" add column "gave_up_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "chat_push" drop column "gave_up_at";`);

    this.addSql(`alter table "queued_mail" drop column "gave_up_at";`);
  }

}
