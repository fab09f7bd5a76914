import { Migration } from '@mikro-orm/migrations';

export class Migration20261125071024 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "appeal" ("id" serial primary key, "number" varchar(255) not null, "year" int not null, "sequence" int not null, "topic" varchar(255) not null, "appellant" jsonb not null, "name" varchar(255) not null, "email" varchar(255) not null, "phone" varchar(255) null, "message" text not null, "channel" varchar(255) not null, "chat_id" varchar(255) not null, "locale" varchar(2) not null, "status" varchar(255) not null, "filed_at" timestamptz not null, "answered_at" timestamptz null, "closed_at" timestamptz null, "alerted_at" timestamptz null);`);
    this.addSql(`alter table "appeal" add constraint "appeal_number_unique" unique ("number");`);
    this.addSql(`create index "appeal_chat_id_index" on "appeal" ("chat_id");`);
    this.addSql(`create index "appeal_status_index" on "appeal" ("status");`);
    this.addSql(`alter table "appeal" add constraint "appeal_year_sequence_unique" unique ("year", "sequence");`);

    this.addSql(`create table "appeal_draft" ("id" serial primary key, "channel" varchar(255) not null, "chat_id" varchar(255) not null, "draft" jsonb not null, "saved_at" timestamptz not null);`);
    this.addSql(`alter table "appeal_draft" add constraint "appeal_draft_channel_chat_id_unique" unique ("channel", "chat_id");`);

    this.addSql(`create table "appeal_message" ("id" serial primary key, "appeal_id" int not null, "author" varchar(255) not null, "text" text not null, "at" timestamptz not null, "idempotency_key" varchar(255) null);`);
    this.addSql(`create index "appeal_message_appeal_id_index" on "appeal_message" ("appeal_id");`);
    this.addSql(`alter table "appeal_message" add constraint "appeal_message_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(`create table "email_confirmation" ("id" serial primary key, "token_hash" varchar(64) not null, "purpose" varchar(255) not null, "account" varchar(12) not null, "email" varchar(255) not null, "reason" text null, "locale" varchar(2) not null, "channel" varchar(255) not null, "chat_id" varchar(255) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null);`);
    this.addSql(`alter table "email_confirmation" add constraint "email_confirmation_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "ereceipt_subscription" ("id" serial primary key, "account_number" varchar(12) not null, "email" varchar(255) not null, "from_period" varchar(7) not null, "until_period" varchar(7) null);`);
    this.addSql(`create index "ereceipt_subscription_account_number_index" on "ereceipt_subscription" ("account_number");`);

    this.addSql(`create table "installation_secret" ("name" varchar(255) not null, "value" varchar(255) not null, constraint "installation_secret_pkey" primary key ("name"));`);

    this.addSql(`create table "issued_receipt" ("id" serial primary key, "account" varchar(12) not null, "period" varchar(7) not null, "locale" varchar(2) not null, "sha256" varchar(64) not null, "content" bytea not null, "issued_at" timestamptz not null);`);
    this.addSql(`alter table "issued_receipt" add constraint "issued_receipt_account_period_locale_unique" unique ("account", "period", "locale");`);

    this.addSql(`create table "monthly_receipt_chat" ("id" serial primary key, "channel" varchar(255) not null, "chat_id" varchar(255) not null, "account" varchar(12) not null, "since" timestamptz not null);`);
    this.addSql(`create index "monthly_receipt_chat_account_index" on "monthly_receipt_chat" ("account");`);
    this.addSql(`alter table "monthly_receipt_chat" add constraint "monthly_receipt_chat_channel_chat_id_account_unique" unique ("channel", "chat_id", "account");`);

    this.addSql(`create table "operator" ("id" serial primary key, "login" varchar(255) not null, "password_hash" varchar(255) not null, "must_change_password" boolean not null default true, "created_at" timestamptz not null);`);
    this.addSql(`alter table "operator" add constraint "operator_login_unique" unique ("login");`);

    this.addSql(`create table "operator_session" ("id" serial primary key, "token_hash" varchar(64) not null, "operator_id" int not null, "csrf" varchar(255) not null, "expires_at" timestamptz not null);`);
    this.addSql(`alter table "operator_session" add constraint "operator_session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "operator_session_expires_at_index" on "operator_session" ("expires_at");`);

    this.addSql(`create table "tariff" ("id" serial primary key, "zone" varchar(255) not null, "valid_from" varchar(7) not null, "kopecks_per_kwh" int not null);`);
    this.addSql(`alter table "tariff" add constraint "tariff_zone_valid_from_unique" unique ("zone", "valid_from");`);

    this.addSql(`create table "telegram_file" ("sha256" varchar(64) not null, "file_id" varchar(255) not null, constraint "telegram_file_pkey" primary key ("sha256"));`);

    this.addSql(`alter table "appeal_message" add constraint "appeal_message_appeal_id_foreign" foreign key ("appeal_id") references "appeal" ("id") on update cascade;`);

    this.addSql(`alter table "ereceipt_subscription" add constraint "ereceipt_subscription_account_number_foreign" foreign key ("account_number") references "account" ("number") on update cascade;`);

    this.addSql(`alter table "operator_session" add constraint "operator_session_operator_id_foreign" foreign key ("operator_id") references "operator" ("id") on update cascade;`);

    this.addSql(`alter table "account" add column "payer_name" varchar(255) null;`);

    this.addSql(`alter table "chat_push" add column "receipt_account" varchar(12) null, add column "receipt_period" varchar(7) null, add column "buttons" jsonb null, add column "dedupe_key" varchar(255) null;`);
    this.addSql(`alter table "chat_push" add constraint "chat_push_dedupe_key_unique" unique ("dedupe_key");`);

    this.addSql(`alter table "queued_mail" add column "links" jsonb null, add column "receipt_account" varchar(12) null, add column "receipt_period" varchar(7) null, add column "appeal_thread" jsonb null, add column "dedupe_key" varchar(255) null;`);
    this.addSql(`alter table "queued_mail" add constraint "queued_mail_dedupe_key_unique" unique ("dedupe_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "appeal_message" drop constraint "appeal_message_appeal_id_foreign";`);

    this.addSql(`alter table "operator_session" drop constraint "operator_session_operator_id_foreign";`);

    this.addSql(`drop table if exists "appeal" cascade;`);

    this.addSql(`drop table if exists "appeal_draft" cascade;`);

    this.addSql(`drop table if exists "appeal_message" cascade;`);

    this.addSql(`drop table if exists "email_confirmation" cascade;`);

    this.addSql(`drop table if exists "ereceipt_subscription" cascade;`);

    this.addSql(`drop table if exists "installation_secret" cascade;`);

    this.addSql(`drop table if exists "issued_receipt" cascade;`);

    this.addSql(`drop table if exists "monthly_receipt_chat" cascade;`);

    this.addSql(`drop table if exists "operator" cascade;`);

    this.addSql(`drop table if exists "operator_session" cascade;`);

    this.addSql(`drop table if exists "tariff" cascade;`);

    this.addSql(`drop table if exists "telegram_file" cascade;`);

    this.addSql(`alter table "account" drop column "payer_name";`);

    this.addSql(`alter table "chat_push" drop constraint "chat_push_dedupe_key_unique";`);
    this.addSql(`alter table "chat_push" drop column "receipt_account", drop column "receipt_period", drop column "buttons", drop column "dedupe_key";`);

    this.addSql(`alter table "queued_mail" drop constraint "queued_mail_dedupe_key_unique";`);
    this.addSql(`alter table "queued_mail" drop column "links", drop column "receipt_account", drop column "receipt_period", drop column "appeal_thread", drop column "dedupe_key";`);
  }

}
