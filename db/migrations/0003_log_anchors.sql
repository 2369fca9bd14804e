ALTER TABLE `signed_documents` ADD `log_seq` integer;--> statement-breakpoint
ALTER TABLE `signed_documents` ADD `log_hash` text;--> statement-breakpoint
CREATE INDEX `signed_documents_log_seq_idx` ON `signed_documents` (`log_seq`,`log_hash`,`signed_at`,`kind`,`subject_id`,`id`);--> statement-breakpoint
CREATE TABLE `log_checkpoints` (
	`file_name` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`hash` text NOT NULL,
	`at` integer NOT NULL,
	`trigger` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `log_checkpoints_at_idx` ON `log_checkpoints` (`at`);--> statement-breakpoint
CREATE TABLE `log_verifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`ok` integer NOT NULL,
	`entries` integer NOT NULL,
	`problems` text DEFAULT '[]' NOT NULL,
	`anchor_name` text,
	`anchor_seq` integer,
	`anchor_at` integer,
	`after_anchor` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `log_verifications_at_idx` ON `log_verifications` (`at`);
