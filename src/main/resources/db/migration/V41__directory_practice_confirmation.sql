-- A ydernummer that a coordinator adds to a cluster counts (in the cluster's figures, letters and surveys) only once
-- it is confirmed: by the provider's consultant, or at once when the national register has the practice in the
-- cluster's municipality. Until then the same ydernummer may be claimed by several clusters, so that the form's
-- answer never tells a coordinator which ydernumre belong to other clusters; confirmed, it belongs to one cluster.
ALTER TABLE practice ADD COLUMN confirmed BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE practice ALTER COLUMN confirmed SET DEFAULT false;
ALTER TABLE practice DROP CONSTRAINT practice_ydernummer_key;
CREATE UNIQUE INDEX practice_confirmed_ydernummer_uq ON practice (ydernummer) WHERE confirmed;
CREATE UNIQUE INDEX practice_cluster_ydernummer_uq ON practice (cluster_id, ydernummer);
