-- A provider's lead consultant (module security) manages the provider's own consultants: invites, deactivates,
-- reactivates them and names another lead. An administrator names the first.
ALTER TABLE app_user ADD COLUMN lead_consultant BOOLEAN NOT NULL DEFAULT FALSE;
