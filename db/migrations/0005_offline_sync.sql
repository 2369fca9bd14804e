CREATE TABLE `applied_changes` (
	`change_id` text PRIMARY KEY NOT NULL,
	`audit_id` text NOT NULL,
	`item_id` text NOT NULL,
	`kind` text NOT NULL,
	`actor_id` text NOT NULL,
	`evidence_id` text,
	`applied_at` integer NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `applied_changes_audit_idx` ON `applied_changes` (`audit_id`);
--> statement-breakpoint
CREATE TABLE `audit_response_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`audit_id` text NOT NULL,
	`item_id` text NOT NULL,
	`result` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`changed_by` text NOT NULL,
	`received_at` integer NOT NULL,
	`recorded_at` integer,
	`change_id` text,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_response_history_item_idx` ON `audit_response_history` (`audit_id`,`item_id`,`id`);
--> statement-breakpoint
-- answers given before this migration start their history with the state they are in
INSERT INTO `audit_response_history` (`audit_id`, `item_id`, `result`, `note`, `changed_by`, `received_at`)
SELECT `audit_id`, `item_id`, `result`, `note`, `updated_by`, `updated_at` FROM `audit_responses` ORDER BY `updated_at`;
