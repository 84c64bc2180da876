CREATE TABLE `portal_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`customer_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`return_url` text,
	`flow` text,
	`locale` text,
	`expires_at` integer NOT NULL,
	`exchanged_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `portal_sessions_code_uq` ON `portal_sessions` (`code_hash`);--> statement-breakpoint
CREATE INDEX `portal_sessions_customer_idx` ON `portal_sessions` (`customer_id`);--> statement-breakpoint
CREATE TABLE `portal_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`customer_id` text NOT NULL,
	`session_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `portal_tokens_hash_uq` ON `portal_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `test_clocks` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`name` text,
	`frozen_time` integer NOT NULL,
	`status` text NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `test_clocks_list_idx` ON `test_clocks` (`livemode`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `usage_events` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`event_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`price_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`value` text,
	`timestamp` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `usage_events_event_uq` ON `usage_events` (`livemode`,`event_id`);--> statement-breakpoint
CREATE INDEX `usage_events_period_idx` ON `usage_events` (`subscription_id`,`price_id`,`timestamp`);--> statement-breakpoint
CREATE TABLE `checkout_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`status` text NOT NULL,
	`mode` text NOT NULL,
	`items` text NOT NULL,
	`currency` text NOT NULL,
	`customer_id` text,
	`customer_details` text NOT NULL,
	`promotion_code_id` text,
	`coupon_id` text,
	`quote` text NOT NULL,
	`amount_subtotal` integer NOT NULL,
	`amount_discount` integer NOT NULL,
	`amount_tax` integer NOT NULL,
	`amount_total` integer NOT NULL,
	`trial_end` integer,
	`payment_status` text NOT NULL,
	`payment_id` text,
	`subscription_id` text,
	`invoice_id` text,
	`success_url` text,
	`cancel_url` text,
	`locale` text,
	`expires_at` integer NOT NULL,
	`completed_at` integer,
	`metadata` text DEFAULT '{}' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `checkout_sessions_list_idx` ON `checkout_sessions` (`livemode`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `credit_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`number` text NOT NULL,
	`invoice_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`currency` text NOT NULL,
	`reason` text,
	`subtotal` integer NOT NULL,
	`tax` integer NOT NULL,
	`total` integer NOT NULL,
	`refund_amount` integer NOT NULL,
	`credit_amount` integer NOT NULL,
	`lines` text NOT NULL,
	`tax_breakdown` text NOT NULL,
	`memo` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credit_notes_number_uq` ON `credit_notes` (`livemode`,`number`);--> statement-breakpoint
CREATE INDEX `credit_notes_invoice_idx` ON `credit_notes` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `customer_balance_transactions` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`customer_id` text NOT NULL,
	`currency` text NOT NULL,
	`amount` integer NOT NULL,
	`type` text NOT NULL,
	`invoice_id` text,
	`credit_note_id` text,
	`description` text,
	`dedupe_key` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_balance_dedupe_uq` ON `customer_balance_transactions` (`livemode`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `customer_balance_customer_idx` ON `customer_balance_transactions` (`customer_id`,`currency`);--> statement-breakpoint
CREATE TABLE `gateway_records` (
	`table_name` text NOT NULL,
	`id` text NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gateway_records_uq` ON `gateway_records` (`table_name`,`id`);--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`invoice_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`amount` integer NOT NULL,
	`quantity` integer NOT NULL,
	`price_id` text,
	`product_id` text,
	`period_start` integer,
	`period_end` integer,
	`tax_behavior` text NOT NULL,
	`discount_amount` integer NOT NULL,
	`net_amount` integer NOT NULL,
	`taxes` text NOT NULL,
	`total_amount` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_lines_position_uq` ON `invoice_lines` (`invoice_id`,`position`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`number` text,
	`customer_id` text NOT NULL,
	`subscription_id` text,
	`status` text NOT NULL,
	`billing_reason` text NOT NULL,
	`dedupe_key` text,
	`currency` text NOT NULL,
	`period_start` integer,
	`period_end` integer,
	`subtotal` integer NOT NULL,
	`total_discount` integer NOT NULL,
	`total_excluding_tax` integer NOT NULL,
	`tax` integer NOT NULL,
	`total` integer NOT NULL,
	`credit_applied` integer NOT NULL,
	`amount_due` integer NOT NULL,
	`amount_paid` integer NOT NULL,
	`amount_remaining` integer NOT NULL,
	`tax_breakdown` text NOT NULL,
	`notes` text NOT NULL,
	`reverse_charge` integer NOT NULL,
	`customer_details` text NOT NULL,
	`seller_details` text NOT NULL,
	`finalized_at` integer,
	`paid_at` integer,
	`voided_at` integer,
	`due_at` integer,
	`attempt_count` integer DEFAULT 0 NOT NULL,
	`next_payment_attempt_at` integer,
	`metadata` text DEFAULT '{}' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number_uq` ON `invoices` (`livemode`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_dedupe_uq` ON `invoices` (`livemode`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `invoices_list_idx` ON `invoices` (`livemode`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_customer_idx` ON `invoices` (`customer_id`);--> statement-breakpoint
CREATE INDEX `invoices_subscription_idx` ON `invoices` (`subscription_id`);--> statement-breakpoint
CREATE INDEX `invoices_retry_idx` ON `invoices` (`livemode`,`next_payment_attempt_at`);--> statement-breakpoint
CREATE TABLE `payment_methods` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`customer_id` text NOT NULL,
	`type` text NOT NULL,
	`gateway_ref` text NOT NULL,
	`gateway` text NOT NULL,
	`brand` text,
	`last4` text,
	`exp_month` integer,
	`exp_year` integer,
	`off_session_ready` integer DEFAULT false NOT NULL,
	`detached_at` integer
);
--> statement-breakpoint
CREATE INDEX `payment_methods_customer_idx` ON `payment_methods` (`customer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payment_methods_ref_uq` ON `payment_methods` (`gateway`,`gateway_ref`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`customer_id` text NOT NULL,
	`invoice_id` text,
	`checkout_session_id` text,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`payment_method_id` text,
	`gateway` text NOT NULL,
	`gateway_ref` text,
	`idempotency_key` text NOT NULL,
	`off_session` integer NOT NULL,
	`decline_code` text,
	`failure_message` text,
	`hard_decline` integer,
	`amount_refunded` integer DEFAULT 0 NOT NULL,
	`metadata` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_idempotency_uq` ON `payments` (`livemode`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `payments_invoice_idx` ON `payments` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `payments_customer_idx` ON `payments` (`customer_id`);--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`payment_id` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`gateway_ref` text,
	`credit_note_id` text,
	`idempotency_key` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_idempotency_uq` ON `refunds` (`livemode`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `refunds_payment_idx` ON `refunds` (`payment_id`);--> statement-breakpoint
CREATE TABLE `sequences` (
	`livemode` integer NOT NULL,
	`name` text NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sequences_uq` ON `sequences` (`livemode`,`name`);--> statement-breakpoint
CREATE TABLE `settings` (
	`livemode` integer NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settings_uq` ON `settings` (`livemode`,`key`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`customer_id` text NOT NULL,
	`status` text NOT NULL,
	`items` text NOT NULL,
	`currency` text NOT NULL,
	`anchor_ms` integer NOT NULL,
	`time_zone` text NOT NULL,
	`current_period_start` integer NOT NULL,
	`current_period_end` integer NOT NULL,
	`trial_start` integer,
	`trial_end` integer,
	`cancel_at_period_end` integer NOT NULL,
	`canceled_at` integer,
	`ended_at` integer,
	`cancellation` text,
	`pause_resumes_at` integer,
	`paused_at` integer,
	`scheduled_change` text,
	`discounts` text NOT NULL,
	`applied_once_coupon_ids` text NOT NULL,
	`default_payment_method_id` text,
	`latest_invoice_id` text,
	`pending_lines` text NOT NULL,
	`next_action_at` integer,
	`test_clock_id` text,
	`metadata` text DEFAULT '{}' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `subscriptions_list_idx` ON `subscriptions` (`livemode`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `subscriptions_customer_idx` ON `subscriptions` (`customer_id`);--> statement-breakpoint
CREATE INDEX `subscriptions_due_idx` ON `subscriptions` (`livemode`,`next_action_at`);--> statement-breakpoint
CREATE TABLE `emails` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`customer_id` text,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`template` text NOT NULL,
	`locale` text NOT NULL,
	`status` text NOT NULL,
	`sent_at` integer,
	`error` text,
	`dedupe_key` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `emails_dedupe_uq` ON `emails` (`livemode`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `emails_list_idx` ON `emails` (`livemode`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`type` text NOT NULL,
	`data` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`dispatched_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_dedupe_uq` ON `events` (`livemode`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `events_list_idx` ON `events` (`livemode`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `events_dispatch_idx` ON `events` (`dispatched_at`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`journal_id` text NOT NULL,
	`entry_key` text NOT NULL,
	`account` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`customer_id` text,
	`source_type` text NOT NULL,
	`source_id` text NOT NULL,
	`effective_at` integer NOT NULL,
	`description` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entries_key_uq` ON `ledger_entries` (`livemode`,`entry_key`);--> statement-breakpoint
CREATE INDEX `ledger_entries_journal_idx` ON `ledger_entries` (`journal_id`);--> statement-breakpoint
CREATE INDEX `ledger_entries_account_idx` ON `ledger_entries` (`livemode`,`account`,`effective_at`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`event_id` text NOT NULL,
	`endpoint_id` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_attempt_at` integer,
	`last_status_code` integer,
	`last_error` text,
	`locked_until` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_deliveries_uq` ON `webhook_deliveries` (`event_id`,`endpoint_id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due_idx` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`url` text NOT NULL,
	`enabled_events` text NOT NULL,
	`secret` text NOT NULL,
	`description` text,
	`status` text NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `webhook_endpoints_list_idx` ON `webhook_endpoints` (`livemode`,`created_at`,`id`);--> statement-breakpoint
ALTER TABLE `customer_tax_ids` ADD `verification_status` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `customer_tax_ids` ADD `verified_name` text;--> statement-breakpoint
ALTER TABLE `customer_tax_ids` ADD `next_check_at` integer;--> statement-breakpoint
ALTER TABLE `customers` ADD `tax_exempt` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `test_clock_id` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `default_payment_method_id` text;