CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`kind` text NOT NULL,
	`key_hash` text NOT NULL,
	`name` text,
	`created_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE TABLE `coupons` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`name` text,
	`percent_off` text,
	`amount_off` integer,
	`currency` text,
	`currency_options` text NOT NULL,
	`duration` text NOT NULL,
	`duration_in_months` integer,
	`applies_to_products` text,
	`max_redemptions` integer,
	`redeem_by` integer,
	`times_redeemed` integer DEFAULT 0 NOT NULL,
	`lookup_key` text,
	`metadata` text DEFAULT '{}' NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coupons_lookup_key_uq` ON `coupons` (`livemode`,`lookup_key`);--> statement-breakpoint
CREATE INDEX `coupons_list_idx` ON `coupons` (`livemode`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `customer_tax_ids` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`customer_id` text NOT NULL,
	`type` text NOT NULL,
	`value` text NOT NULL,
	`country` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_tax_ids_uq` ON `customer_tax_ids` (`customer_id`,`type`,`value`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`email` text,
	`name` text,
	`phone` text,
	`description` text,
	`address_line1` text,
	`address_line2` text,
	`address_city` text,
	`address_state` text,
	`address_postal_code` text,
	`address_country` text,
	`locale` text,
	`preferred_currency` text,
	`metadata` text DEFAULT '{}' NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `customers_list_idx` ON `customers` (`livemode`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `customers_email_idx` ON `customers` (`livemode`,`email`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`api_key_hash` text NOT NULL,
	`key` text NOT NULL,
	`livemode` integer NOT NULL,
	`method` text NOT NULL,
	`path` text NOT NULL,
	`request_hash` text NOT NULL,
	`state` text NOT NULL,
	`response_status` integer,
	`response_body` text,
	`response_content_type` text,
	`locked_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idempotency_keys_key_uq` ON `idempotency_keys` (`api_key_hash`,`key`);--> statement-breakpoint
CREATE INDEX `idempotency_keys_expires_idx` ON `idempotency_keys` (`expires_at`);--> statement-breakpoint
CREATE TABLE `prices` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`product_id` text NOT NULL,
	`active` integer NOT NULL,
	`currency` text NOT NULL,
	`type` text NOT NULL,
	`billing_scheme` text NOT NULL,
	`unit_amount` integer,
	`unit_amount_decimal` text,
	`tiers_mode` text,
	`tiers` text,
	`transform_divide_by` integer,
	`transform_round` text,
	`recurring_interval` text,
	`recurring_interval_count` integer,
	`recurring_usage_type` text,
	`recurring_aggregate_usage` text,
	`tax_behavior` text NOT NULL,
	`currency_options` text NOT NULL,
	`minimum_amount` integer,
	`trial_period_days` integer,
	`tax_code` text,
	`lookup_key` text,
	`nickname` text,
	`metadata` text DEFAULT '{}' NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prices_lookup_key_uq` ON `prices` (`livemode`,`lookup_key`);--> statement-breakpoint
CREATE INDEX `prices_list_idx` ON `prices` (`livemode`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `prices_product_idx` ON `prices` (`product_id`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`active` integer NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`product_group` text,
	`rank` integer,
	`marketing_features` text NOT NULL,
	`entitlements` text NOT NULL,
	`tax_code` text,
	`lookup_key` text,
	`metadata` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_lookup_key_uq` ON `products` (`livemode`,`lookup_key`);--> statement-breakpoint
CREATE INDEX `products_list_idx` ON `products` (`livemode`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `promotion_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`code` text NOT NULL,
	`code_key` text NOT NULL,
	`coupon_id` text NOT NULL,
	`active` integer NOT NULL,
	`customer_id` text,
	`expires_at` integer,
	`max_redemptions` integer,
	`times_redeemed` integer DEFAULT 0 NOT NULL,
	`first_time_transaction` integer NOT NULL,
	`minimum_amount` integer,
	`minimum_amount_currency` text,
	`metadata` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`coupon_id`) REFERENCES `coupons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promotion_codes_code_uq` ON `promotion_codes` (`livemode`,`code_key`);--> statement-breakpoint
CREATE INDEX `promotion_codes_list_idx` ON `promotion_codes` (`livemode`,`created_at`,`id`);