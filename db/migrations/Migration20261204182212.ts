import { Migration } from '@mikro-orm/migrations';

export class Migration20261204182212 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "canned_answer" ("id" serial primary key, "title" varchar(255) not null, "text" text not null, "saved_at" timestamptz not null);`);
    this.addSql(`alter table "canned_answer" add constraint "canned_answer_title_unique" unique ("title");`);

    this.addSql(`create table "live_chat" ("id" serial primary key, "channel" varchar(255) not null, "chat_id" varchar(255) not null, "locale" varchar(2) not null, "status" varchar(255) not null, "open_key" varchar(255) null, "operator" varchar(255) null, "queued_at" timestamptz not null, "taken_at" timestamptz null, "ended_at" timestamptz null, "ended_by" varchar(255) null, "told_position" int null);`);
    this.addSql(`create index "live_chat_status_index" on "live_chat" ("status");`);
    this.addSql(`alter table "live_chat" add constraint "live_chat_open_key_unique" unique ("open_key");`);
    this.addSql(`create index "live_chat_operator_index" on "live_chat" ("operator");`);

    this.addSql(`create table "live_message" ("id" serial primary key, "live_chat_id" int not null, "author" varchar(255) not null, "operator" varchar(255) null, "text" text not null, "files" jsonb not null default '[]', "at" timestamptz not null, "idempotency_key" varchar(255) not null);`);
    this.addSql(`create index "live_message_live_chat_id_index" on "live_message" ("live_chat_id");`);
    this.addSql(`alter table "live_message" add constraint "live_message_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(`create table "operator_duty" ("login" varchar(255) not null, "seen_at" timestamptz not null, constraint "operator_duty_pkey" primary key ("login"));`);
    this.addSql(`create index "operator_duty_seen_at_index" on "operator_duty" ("seen_at");`);

    this.addSql(`alter table "live_message" add constraint "live_message_live_chat_id_foreign" foreign key ("live_chat_id") references "live_chat" ("id") on update cascade;`);

    this.addSql(`alter table "appeal" add column "search_name" varchar(255) not null default '', add column "account" varchar(255) null, add column "first_answered_at" timestamptz null, add column "assignee" varchar(255) null, add column "follow_up_at" timestamptz null;`);
    this.addSql(`create index "appeal_account_index" on "appeal" ("account");`);
    this.addSql(`create index "appeal_assignee_index" on "appeal" ("assignee");`);

    this.addSql(`alter table "appeal_message" add column "operator_name" varchar(255) null, add column "route" varchar(255) null;`);

    // Appeals filed before: found by account and name, and counted in the time to a first answer.
    // The Cyrillic capitals are folded by hand: lower() follows the database's ctype, which may be C.
    this.addSql(`update "appeal" set "account" = "appellant"->>'account' where "appellant"->>'kind' = 'customer';`);
    this.addSql(
      `update "appeal" set "search_name" = lower(translate("name", 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё', 'абвгдеежзийклмнопрстуфхцчшщъыьэюяе'));`,
    );
    this.addSql(
      `update "appeal" set "first_answered_at" = (select min("at") from "appeal_message" where "appeal_id" = "appeal"."id" and "author" = 'operator');`,
    );
    // Written to after an answer and back in the queue before the column: a follow-up since the customer's first word after the last answer.
    this.addSql(
      `update "appeal" set "follow_up_at" = (select min("at") from "appeal_message" where "appeal_id" = "appeal"."id" and "author" = 'customer' and "at" > "appeal"."answered_at") where "status" = 'received' and "answered_at" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "live_message" drop constraint "live_message_live_chat_id_foreign";`);

    this.addSql(`drop table if exists "canned_answer" cascade;`);

    this.addSql(`drop table if exists "live_chat" cascade;`);

    this.addSql(`drop table if exists "live_message" cascade;`);

    this.addSql(`drop table if exists "operator_duty" cascade;`);

    this.addSql(`drop index "appeal_account_index";`);
    this.addSql(`drop index "appeal_assignee_index";`);
    this.addSql(`alter table "appeal" drop column "search_name", drop column "account", drop column "first_answered_at", drop column "assignee", drop column "follow_up_at";`);

    this.addSql(`alter table "appeal_message" drop column "operator_name", drop column "route";`);
  }

}
