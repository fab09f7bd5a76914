import { Migration } from '@mikro-orm/migrations';

export class Migration20261124153754 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "account" ("number" varchar(12) not null, "address" text not null, "phone" varchar(255) null, "email" varchar(255) null, "region" varchar(255) not null, "residents" int not null, "seasonality_factor" numeric(4,2) not null, "social_norm_kwh" int null, "balance_kopecks" int not null, "earlier_debt_kopecks" int not null, "readings_without_link_allowed" boolean not null default true, "management_by_others_allowed" boolean not null default true, "demo" boolean not null default false, constraint "account_pkey" primary key ("number"));`);

    this.addSql(`create table "chat_identity" ("id" serial primary key, "channel" varchar(255) not null, "external_id" varchar(255) not null, "locale" varchar(2) not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "chat_identity" add constraint "chat_identity_channel_external_id_unique" unique ("channel", "external_id");`);

    this.addSql(`create table "account_link" ("id" serial primary key, "identity_id" int not null, "account_number" varchar(12) not null, "consent_at" timestamptz not null, "linked_at" timestamptz not null, "chosen_at" timestamptz not null);`);
    this.addSql(`create index "account_link_account_number_index" on "account_link" ("account_number");`);
    this.addSql(`alter table "account_link" add constraint "account_link_identity_id_account_number_unique" unique ("identity_id", "account_number");`);

    this.addSql(`create table "link_failure" ("id" serial primary key, "chat_key" varchar(255) not null, "account_number" varchar(12) null, "failed_at" timestamptz not null);`);
    this.addSql(`create index "link_failure_chat_key_failed_at_index" on "link_failure" ("chat_key", "failed_at");`);
    this.addSql(`create index "link_failure_account_number_failed_at_index" on "link_failure" ("account_number", "failed_at");`);

    this.addSql(`create table "meter" ("id" serial primary key, "account_number" varchar(12) not null, "serial_number" varchar(255) not null, "zones" jsonb not null, "digits" int not null, "installed_on" date not null);`);
    this.addSql(`create index "meter_account_number_index" on "meter" ("account_number");`);
    this.addSql(`alter table "meter" add constraint "meter_serial_number_unique" unique ("serial_number");`);

    this.addSql(`create table "monthly_charge" ("id" serial primary key, "account_number" varchar(12) not null, "year" int not null, "month" int not null, "opening_balance_kopecks" int not null, "consumption_kwh" int not null, "charged_kopecks" int not null, "closing_balance_kopecks" int not null);`);
    this.addSql(`alter table "monthly_charge" add constraint "monthly_charge_account_number_year_month_unique" unique ("account_number", "year", "month");`);

    this.addSql(`create table "payment" ("id" serial primary key, "account_number" varchar(12) not null, "paid_at" timestamptz not null, "amount_kopecks" int not null, "source" varchar(255) not null);`);
    this.addSql(`create index "payment_account_number_paid_at_index" on "payment" ("account_number", "paid_at");`);

    this.addSql(`create table "queued_mail" ("id" serial primary key, "recipient" varchar(255) not null, "subject" varchar(255) not null, "body" text not null, "queued_at" timestamptz not null, "next_attempt_at" timestamptz not null, "attempts" int not null default 0, "sent_at" timestamptz null, "last_error" text null);`);
    this.addSql(`create index "queued_mail_next_attempt_at_index" on "queued_mail" ("next_attempt_at");`);

    this.addSql(`alter table "account_link" add constraint "account_link_identity_id_foreign" foreign key ("identity_id") references "chat_identity" ("id") on update cascade;`);
    this.addSql(`alter table "account_link" add constraint "account_link_account_number_foreign" foreign key ("account_number") references "account" ("number") on update cascade;`);

    this.addSql(`alter table "meter" add constraint "meter_account_number_foreign" foreign key ("account_number") references "account" ("number") on update cascade;`);

    this.addSql(`alter table "monthly_charge" add constraint "monthly_charge_account_number_foreign" foreign key ("account_number") references "account" ("number") on update cascade;`);

    this.addSql(`alter table "payment" add constraint "payment_account_number_foreign" foreign key ("account_number") references "account" ("number") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "account_link" drop constraint "account_link_account_number_foreign";`);

    this.addSql(`alter table "meter" drop constraint "meter_account_number_foreign";`);

    this.addSql(`alter table "monthly_charge" drop constraint "monthly_charge_account_number_foreign";`);

    this.addSql(`alter table "payment" drop constraint "payment_account_number_foreign";`);

    this.addSql(`alter table "account_link" drop constraint "account_link_identity_id_foreign";`);

    this.addSql(`drop table if exists "account" cascade;`);

    this.addSql(`drop table if exists "chat_identity" cascade;`);

    this.addSql(`drop table if exists "account_link" cascade;`);

    this.addSql(`drop table if exists "link_failure" cascade;`);

    this.addSql(`drop table if exists "meter" cascade;`);

    this.addSql(`drop table if exists "monthly_charge" cascade;`);

    this.addSql(`drop table if exists "payment" cascade;`);

    this.addSql(`drop table if exists "queued_mail" cascade;`);
  }

}
