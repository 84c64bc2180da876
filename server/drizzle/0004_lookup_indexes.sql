DROP INDEX `customers_email_idx`;--> statement-breakpoint
CREATE INDEX `customers_email_idx` ON `customers` (lower("email"));--> statement-breakpoint
CREATE INDEX `checkout_sessions_processing_idx` ON `checkout_sessions` (`payment_status`) WHERE "status" = 'open' and "payment_status" = 'processing';--> statement-breakpoint
CREATE INDEX `payments_processing_idx` ON `payments` (`status`) WHERE "status" = 'processing';