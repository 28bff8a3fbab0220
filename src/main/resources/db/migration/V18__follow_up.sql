-- A follow-up package a year later (module ordering): the order it follows; one follow-up per order.
ALTER TABLE package_order ADD COLUMN follows_order_id BIGINT REFERENCES package_order (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX package_order_follows_idx ON package_order (follows_order_id) WHERE follows_order_id IS NOT NULL;
