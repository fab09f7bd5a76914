import { Migration } from '@mikro-orm/migrations';

export class Migration20261201234332 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "chat_push" add column "parts_sent" int not null default 0;`);
    this.addSql(`create index "chat_push_channel_chat_id_id_index" on "chat_push" ("channel", "chat_id", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "chat_push_channel_chat_id_id_index";`);
    this.addSql(`alter table "chat_push" drop column "parts_sent";`);
  }

}
