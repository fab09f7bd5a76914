import { Migration } from '@mikro-orm/migrations';

export class Migration20261203131636 extends Migration {

  override async up(): Promise<void> {
    // The outbox is never purged: its new index may take longer than the pool's statement timeout.
    this.addSql(`set local statement_timeout = 0;`);
    this.addSql(`alter table "chat_push" add column "broadcast" varchar(255) null;`);
    // Notices queued before the column keep their version in the key (`interruption:<id>:<version>:<chat>`): their chats hear the end too.
    this.addSql(
      `update "chat_push" set "broadcast" = split_part("dedupe_key", ':', 1) || ':' || split_part("dedupe_key", ':', 2) || ':' || split_part("dedupe_key", ':', 3) where "dedupe_key" like 'interruption:%';`,
    );
    this.addSql(`create index "chat_push_broadcast_index" on "chat_push" ("broadcast");`);

    this.addSql(`alter table "interruption" add column "told_version" int not null default 0;`);
    // What was published before was told then.
    this.addSql(`update "interruption" set "told_version" = "version";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "chat_push_broadcast_index";`);
    this.addSql(`alter table "chat_push" drop column "broadcast";`);

    this.addSql(`alter table "interruption" drop column "told_version";`);
  }

}
