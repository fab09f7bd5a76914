import { Migration } from '@mikro-orm/migrations';

export class Migration20261125074624 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "appeal_file" ("id" varchar(22) not null, "name" varchar(255) not null, "mime" varchar(255) not null, "size" int not null, "content" bytea not null, "created_at" timestamptz not null, constraint "appeal_file_pkey" primary key ("id"));`);

    this.addSql(`alter table "appeal" add column "attachments" jsonb not null default '[]';`);

    this.addSql(`alter table "appeal_message" add column "files" jsonb not null default '[]';`);

    this.addSql(`alter table "chat_push" add column "files" jsonb null;`);

    this.addSql(`alter table "queued_mail" add column "attachments" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "appeal_file" cascade;`);

    this.addSql(`alter table "appeal" drop column "attachments";`);

    this.addSql(`alter table "appeal_message" drop column "files";`);

    this.addSql(`alter table "chat_push" drop column "files";`);

    this.addSql(`alter table "queued_mail" drop column "attachments";`);
  }

}
