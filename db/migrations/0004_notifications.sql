ALTER TABLE `users` ADD `manager_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `users` ADD `mail_digest` text DEFAULT 'immediate' NOT NULL;--> statement-breakpoint
CREATE INDEX `users_manager_idx` ON `users` (`manager_id`);--> statement-breakpoint
CREATE TABLE `outbox_mails` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`to_address` text NOT NULL,
	`locale` text NOT NULL,
	`subject` text NOT NULL,
	`body_text` text NOT NULL,
	`body_html` text NOT NULL,
	`message_id` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`attempt_log` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_mails_status_idx` ON `outbox_mails` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_mails_user_idx` ON `outbox_mails` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`dedup_key` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject_type` text,
	`subject_id` text,
	`link` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`mandatory` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`deliver_after` integer NOT NULL,
	`mail_id` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mail_id`) REFERENCES `outbox_mails`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedup_idx` ON `notifications` (`dedup_key`);--> statement-breakpoint
CREATE INDEX `notifications_pending_idx` ON `notifications` (`mail_id`,`user_id`,`deliver_after`);--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`created_at`);
