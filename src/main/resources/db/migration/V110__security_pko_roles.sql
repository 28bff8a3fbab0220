-- The practice consultant scheme has three roles instead of one PKO role (module security, for issue 19):
-- practice consultant, practice coordinator and the medical coordinator. Existing PKO users become consultants.
ALTER TABLE app_user DROP CONSTRAINT IF EXISTS app_user_role_check;
UPDATE app_user SET role = 'PKO_CONSULTANT' WHERE role = 'PKO';
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('CONSULTANT', 'COORDINATOR', 'MUNICIPALITY',
    'PKO_CONSULTANT', 'PKO_COORDINATOR', 'PKO_MEDICAL_COORDINATOR', 'EDITOR', 'ADMIN'));
