ALTER TABLE `assignments` ADD `completion_id` text;--> statement-breakpoint
ALTER TABLE `assignments` ADD `completed_at` integer;--> statement-breakpoint
ALTER TABLE `assignments` ADD `expires_at` integer;--> statement-breakpoint
ALTER TABLE `assignments` ADD `score` integer;--> statement-breakpoint
ALTER TABLE `assignments` ADD `started` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- The columns above are derived data, kept right by the triggers below inside whatever transaction
-- writes completions, attempts, lesson progress or assignments (the app, seeds, imports, tests).
-- "Latest completion" is exactly the dashboard's former subquery: ORDER BY completed_at DESC LIMIT 1.
CREATE TRIGGER `assignments_latest_on_completion_insert` AFTER INSERT ON `completions` BEGIN
  UPDATE `assignments` SET (`completion_id`, `completed_at`, `expires_at`, `score`) = (
    SELECT c.`id`, c.`completed_at`, c.`expires_at`, c.`score` FROM `completions` c
    WHERE c.`user_id` = NEW.`user_id` AND c.`course_slug` = NEW.`course_slug` ORDER BY c.`completed_at` DESC LIMIT 1)
  WHERE `user_id` = NEW.`user_id` AND `course_slug` = NEW.`course_slug`;
END;
--> statement-breakpoint
CREATE TRIGGER `assignments_latest_on_completion_update` AFTER UPDATE OF `user_id`, `course_slug`, `completed_at`, `expires_at`, `score` ON `completions` BEGIN
  UPDATE `assignments` SET (`completion_id`, `completed_at`, `expires_at`, `score`) = (
    SELECT c.`id`, c.`completed_at`, c.`expires_at`, c.`score` FROM `completions` c
    WHERE c.`user_id` = `assignments`.`user_id` AND c.`course_slug` = `assignments`.`course_slug` ORDER BY c.`completed_at` DESC LIMIT 1)
  WHERE (`user_id` = NEW.`user_id` AND `course_slug` = NEW.`course_slug`) OR (`user_id` = OLD.`user_id` AND `course_slug` = OLD.`course_slug`);
END;
--> statement-breakpoint
CREATE TRIGGER `assignments_latest_on_completion_delete` AFTER DELETE ON `completions` BEGIN
  UPDATE `assignments` SET (`completion_id`, `completed_at`, `expires_at`, `score`) = (
    SELECT c.`id`, c.`completed_at`, c.`expires_at`, c.`score` FROM `completions` c
    WHERE c.`user_id` = OLD.`user_id` AND c.`course_slug` = OLD.`course_slug` ORDER BY c.`completed_at` DESC LIMIT 1)
  WHERE `user_id` = OLD.`user_id` AND `course_slug` = OLD.`course_slug`;
END;
--> statement-breakpoint
CREATE TRIGGER `assignments_started_on_attempt_insert` AFTER INSERT ON `attempts` BEGIN
  UPDATE `assignments` SET `started` = 1 WHERE `user_id` = NEW.`user_id` AND `course_slug` = NEW.`course_slug` AND `started` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `assignments_started_on_lesson_insert` AFTER INSERT ON `lesson_progress` BEGIN
  UPDATE `assignments` SET `started` = 1 WHERE `user_id` = NEW.`user_id` AND `course_slug` = NEW.`course_slug` AND `started` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `assignments_started_on_attempt_delete` AFTER DELETE ON `attempts` BEGIN
  UPDATE `assignments` SET `started` = (
    EXISTS (SELECT 1 FROM `attempts` t WHERE t.`user_id` = OLD.`user_id` AND t.`course_slug` = OLD.`course_slug`)
    OR EXISTS (SELECT 1 FROM `lesson_progress` p WHERE p.`user_id` = OLD.`user_id` AND p.`course_slug` = OLD.`course_slug`))
  WHERE `user_id` = OLD.`user_id` AND `course_slug` = OLD.`course_slug`;
END;
--> statement-breakpoint
CREATE TRIGGER `assignments_started_on_lesson_delete` AFTER DELETE ON `lesson_progress` BEGIN
  UPDATE `assignments` SET `started` = (
    EXISTS (SELECT 1 FROM `attempts` t WHERE t.`user_id` = OLD.`user_id` AND t.`course_slug` = OLD.`course_slug`)
    OR EXISTS (SELECT 1 FROM `lesson_progress` p WHERE p.`user_id` = OLD.`user_id` AND p.`course_slug` = OLD.`course_slug`))
  WHERE `user_id` = OLD.`user_id` AND `course_slug` = OLD.`course_slug`;
END;
--> statement-breakpoint
-- A new assignment (or one moved to another person or course) starts from what is already on record.
CREATE TRIGGER `assignments_status_on_assignment_insert` AFTER INSERT ON `assignments` BEGIN
  UPDATE `assignments` SET (`completion_id`, `completed_at`, `expires_at`, `score`) = (
    SELECT c.`id`, c.`completed_at`, c.`expires_at`, c.`score` FROM `completions` c
    WHERE c.`user_id` = NEW.`user_id` AND c.`course_slug` = NEW.`course_slug` ORDER BY c.`completed_at` DESC LIMIT 1),
    `started` = (EXISTS (SELECT 1 FROM `attempts` t WHERE t.`user_id` = NEW.`user_id` AND t.`course_slug` = NEW.`course_slug`)
      OR EXISTS (SELECT 1 FROM `lesson_progress` p WHERE p.`user_id` = NEW.`user_id` AND p.`course_slug` = NEW.`course_slug`))
  WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `assignments_status_on_assignment_move` AFTER UPDATE OF `user_id`, `course_slug` ON `assignments` BEGIN
  UPDATE `assignments` SET (`completion_id`, `completed_at`, `expires_at`, `score`) = (
    SELECT c.`id`, c.`completed_at`, c.`expires_at`, c.`score` FROM `completions` c
    WHERE c.`user_id` = NEW.`user_id` AND c.`course_slug` = NEW.`course_slug` ORDER BY c.`completed_at` DESC LIMIT 1),
    `started` = (EXISTS (SELECT 1 FROM `attempts` t WHERE t.`user_id` = NEW.`user_id` AND t.`course_slug` = NEW.`course_slug`)
      OR EXISTS (SELECT 1 FROM `lesson_progress` p WHERE p.`user_id` = NEW.`user_id` AND p.`course_slug` = NEW.`course_slug`))
  WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
-- Existing rows: the same values, computed once.
UPDATE `assignments` SET (`completion_id`, `completed_at`, `expires_at`, `score`) = (
    SELECT c.`id`, c.`completed_at`, c.`expires_at`, c.`score` FROM `completions` c
    WHERE c.`user_id` = `assignments`.`user_id` AND c.`course_slug` = `assignments`.`course_slug` ORDER BY c.`completed_at` DESC LIMIT 1),
  `started` = (EXISTS (SELECT 1 FROM `attempts` t WHERE t.`user_id` = `assignments`.`user_id` AND t.`course_slug` = `assignments`.`course_slug`)
    OR EXISTS (SELECT 1 FROM `lesson_progress` p WHERE p.`user_id` = `assignments`.`user_id` AND p.`course_slug` = `assignments`.`course_slug`));
