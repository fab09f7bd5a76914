import { Migration } from '@mikro-orm/migrations';

export class Migration20261124163719 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "meter_reading" ("id" serial primary key, "meter_id" int not null, "zone" varchar(255) not null, "period" varchar(7) not null, "value" int not null, "consumption_kwh" int not null, "channel" varchar(255) not null, "submitted_at" timestamptz not null, "accepted" boolean not null default false);`);
    this.addSql(`alter table "meter_reading" add constraint "meter_reading_meter_id_zone_period_unique" unique ("meter_id", "zone", "period");`);

    this.addSql(`alter table "meter_reading" add constraint "meter_reading_meter_id_foreign" foreign key ("meter_id") references "meter" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "meter_reading" cascade;`);
  }

}
