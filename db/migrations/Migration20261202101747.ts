import { Migration } from '@mikro-orm/migrations';

export class Migration20261202101747 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "billing_event" ("id" varchar(100) not null, "type" varchar(255) not null, "received_at" timestamptz not null, constraint "billing_event_pkey" primary key ("id"));`);
    this.addSql(`create index "billing_event_received_at_index" on "billing_event" ("received_at");`);

    this.addSql(`create table "billing_submission" ("key" varchar(64) not null, "account_number" varchar(12) not null, "outcome" jsonb not null, "created_at" timestamptz not null, constraint "billing_submission_pkey" primary key ("key"));`);

    this.addSql(`create table "import_checkpoint" ("file" varchar(255) not null, "sha256" varchar(64) not null, "lines" int not null, "rows" int not null, "rejected" int not null default 0, "done" boolean not null default false, "updated_at" timestamptz not null, constraint "import_checkpoint_pkey" primary key ("file"));`);

    this.addSql(`create table "reading_handover" ("id" serial primary key, "key" varchar(64) not null, "account_number" varchar(12) not null, "period" varchar(7) not null, "entries" jsonb not null, "channel" varchar(255) not null, "chat_id" varchar(255) not null, "submitted_at" timestamptz not null, "outcome" jsonb null, "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "sent_at" timestamptz null, "gave_up_at" timestamptz null);`);
    this.addSql(`alter table "reading_handover" add constraint "reading_handover_key_unique" unique ("key");`);
    this.addSql(`create index "reading_handover_sent_at_next_attempt_at_index" on "reading_handover" ("sent_at", "next_attempt_at");`);

    this.addSql(`alter table "payment" add column "external_id" varchar(255) null;`);
    this.addSql(`alter table "payment" add constraint "payment_external_id_unique" unique ("external_id");`);

    this.addSql(`alter table "payment_order" add column "posted_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "billing_event" cascade;`);

    this.addSql(`drop table if exists "billing_submission" cascade;`);

    this.addSql(`drop table if exists "import_checkpoint" cascade;`);

    this.addSql(`drop table if exists "reading_handover" cascade;`);

    this.addSql(`alter table "payment" drop constraint "payment_external_id_unique";`);
    this.addSql(`alter table "payment" drop column "external_id";`);

    this.addSql(`alter table "payment_order" drop column "posted_at";`);
  }

}
