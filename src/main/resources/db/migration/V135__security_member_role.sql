-- A cluster member may have an account of their own (issue 16): role MEMBER, belonging to the cluster (cluster_id).
ALTER TABLE app_user DROP CONSTRAINT IF EXISTS app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('CONSULTANT', 'COORDINATOR', 'MEMBER', 'MUNICIPALITY',
    'PKO_CONSULTANT', 'PKO_COORDINATOR', 'PKO_MEDICAL_COORDINATOR', 'EDITOR', 'ADMIN'));
