-- Authoring (issue 13): the database is the source of truth for published courses and checklists.
-- Every published version is kept whole (both languages, JSON), immutable; the highest version of a
-- slug is the one in use. `id` only grows, so max(id) is a cheap "content generation" every app
-- server checks to know its cached content is stale.
CREATE TABLE `content_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`slug` text NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`material` integer DEFAULT false NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`published_by` text,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `content_versions_slug_version_idx` ON `content_versions` (`kind`,`slug`,`version`);
--> statement-breakpoint
-- One working draft per course or checklist; `revision` grows with every save (the version check).
CREATE TABLE `content_drafts` (
	`kind` text NOT NULL,
	`slug` text NOT NULL,
	`body` text NOT NULL,
	`revision` integer NOT NULL,
	`base_version` integer,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `slug`),
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
