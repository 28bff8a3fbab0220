-- A package's own drejebog tasks (module ordering): beside the steps every order has, the tasks its package names
-- (step PACKAGE, one row each by position, with the package's title for it).
ALTER TABLE order_task ADD COLUMN title TEXT, ADD COLUMN position INT NOT NULL DEFAULT 0;
ALTER TABLE order_task DROP CONSTRAINT order_task_order_id_step_key;
ALTER TABLE order_task ADD CONSTRAINT order_task_order_step_position UNIQUE (order_id, step, position);
