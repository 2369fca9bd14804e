CREATE TABLE `sites` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`responsible_id` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`responsible_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_name_unique` ON `sites` (`name`);--> statement-breakpoint
CREATE TABLE `audit_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`checklist_slug` text NOT NULL,
	`site_id` text NOT NULL,
	`auditor_id` text NOT NULL,
	`locale` text NOT NULL,
	`every_months` integer NOT NULL,
	`first_due_at` integer NOT NULL,
	`lead_days` integer DEFAULT 14 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`ended_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`auditor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_schedules_active_idx` ON `audit_schedules` (`active`);--> statement-breakpoint
CREATE TABLE `schedule_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`schedule_id` text NOT NULL,
	`actor_id` text,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`details` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`schedule_id`) REFERENCES `audit_schedules`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `schedule_events_schedule_idx` ON `schedule_events` (`schedule_id`,`id`);--> statement-breakpoint
ALTER TABLE `audits` ADD `site_id` text REFERENCES sites(id);--> statement-breakpoint
ALTER TABLE `audits` ADD `schedule_id` text REFERENCES audit_schedules(id);--> statement-breakpoint
ALTER TABLE `audits` ADD `due_at` integer;--> statement-breakpoint
ALTER TABLE `audits` ADD `follows_audit_id` text REFERENCES audits(id);--> statement-breakpoint
ALTER TABLE `audits` ADD `item_scope` text;--> statement-breakpoint
CREATE UNIQUE INDEX `audits_schedule_due_idx` ON `audits` (`schedule_id`,`due_at`);--> statement-breakpoint
CREATE INDEX `audits_site_idx` ON `audits` (`site_id`,`signed_at`);--> statement-breakpoint
CREATE INDEX `audits_follows_idx` ON `audits` (`follows_audit_id`);--> statement-breakpoint
CREATE TABLE `audit_training_evidence` (
	`audit_id` text PRIMARY KEY NOT NULL,
	`as_of` integer NOT NULL,
	`figures` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `training_snapshots` (
	`day` text NOT NULL,
	`department_key` text NOT NULL,
	`course_slug` text NOT NULL,
	`total` integer NOT NULL,
	`completed` integer NOT NULL,
	`overdue` integer NOT NULL,
	`taken_at` integer NOT NULL,
	PRIMARY KEY(`day`, `department_key`, `course_slug`)
);
--> statement-breakpoint
CREATE INDEX `training_snapshots_dept_day_idx` ON `training_snapshots` (`department_key`,`day`);
